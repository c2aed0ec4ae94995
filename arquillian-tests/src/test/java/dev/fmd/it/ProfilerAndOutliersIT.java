package dev.fmd.it;

import dev.fmd.it.insight.InsightApplication;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Levels changed at run time, the profiler's call trees and grouped profile, and outliers with their context. */
@ExtendWith(ArquillianExtension.class)
class ProfilerAndOutliersIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String TOKEN = UUID.randomUUID().toString();

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive insight() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "insight.war")
                .addPackage(InsightApplication.class.getPackage());
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.admin-token", TOKEN,
                "fmd.outlier-warmup", "5", "fmd.level-refresh", "500"), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    private FmdClient client() {
        return new FmdClient(deployment, "insight");
    }

    @Test
    void levelChangesAtRunTimeThroughTheAdminApi() throws Exception {
        FmdClient client = client();
        assertEquals(200, client.get("insight/work/quick").statusCode());
        client.awaitRequestRows("WorkResource.quick", rows -> rows.size() == 1);
        long id = endpointId(client, "WorkResource.quick");
        assertEquals(1, level(client, "WorkResource.quick"));
        assertEquals(401, put(client, "fmd/api/endpoints/" + id + "/level", "{\"level\":2}", "wrong").statusCode());
        HttpResponse<String> bad = put(client, "fmd/api/endpoints/" + id + "/level", "{\"level\":7}", TOKEN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("field 'level'"), bad.body());
        assertEquals(400, put(client, "fmd/api/endpoints/" + id + "/level", "level=2", TOKEN).statusCode());
        assertEquals(404, put(client, "fmd/api/endpoints/999999/level", "{\"level\":2}", TOKEN).statusCode());
        assertEquals(204, put(client, "fmd/api/endpoints/" + id + "/level", "{\"level\":0}", TOKEN).statusCode());
        assertEquals(0, level(client, "WorkResource.quick"));
        String lastRequested = lastRequested(client, "WorkResource.quick");
        FmdClient.sleep(50);
        assertEquals(200, client.get("insight/work/quick").statusCode());
        client.awaitEndpointRows(rows -> !lastRequested.equals(lastRequested(rows, "WorkResource.quick")));
        assertEquals(1, client.requestRows("WorkResource.quick").size(), "level 0 keeps only last-requested");
        assertEquals(204, put(client, "fmd/api/endpoints/" + id + "/level", "{\"level\":1}", TOKEN).statusCode());
        assertEquals(0, client.get("insight/fmd-probe/stack-lines?endpoint=WorkResource.quick").body()
                .replace("[]", "").length(), "a level-1 endpoint gets no stack lines");
    }

    @Test
    void levelWrittenByAnotherInstanceAppliesWithinSeconds() throws Exception {
        FmdClient client = client();
        assertEquals(200, client.get("insight/work/ping").statusCode());
        endpointId(client, "WorkResource.ping");
        assertEquals("1", client.send("PUT", "insight/fmd-probe/level?endpoint=WorkResource.ping&level=3").body());
        long start = System.nanoTime();
        while (level(client, "WorkResource.ping") != 3 && System.nanoTime() - start < 10_000_000_000L) {
            FmdClient.sleep(100);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, level(client, "WorkResource.ping"));
        assertTrue(ms < 2000, "applied after " + ms + " ms with fmd.level-refresh=500");
        assertEquals("1", client.send("PUT", "insight/fmd-probe/level?endpoint=WorkResource.ping&level=2").body());
    }

    @Test
    void profilerPutsTheSleepingPartFirstAndGroupsTwentyRequests() throws Exception {
        FmdClient client = client();
        int before = profiledAtLevel3(client, "work/report", "WorkResource.report");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, client.get("insight/work/report").statusCode());
        }
        List<JsonObject> tree = newestTree(client, "WorkResource.report", "report", before + 20);
        double root = number(tree.get(0), "duration");
        double slow = duration(tree, "slowPart");
        assertTrue(slow > root * 0.6, "slowPart " + slow + " ms of " + root + " ms: " + tree);
        assertTrue(tree.stream().noneMatch(r -> text(r, "class_name").contains("Weld")
                || text(r, "class_name").startsWith("org.glassfish")), "no container frames: " + tree);

        long id = endpointId(client, "WorkResource.report");
        List<JsonObject> grouped = json(client.get("insight/fmd-probe/grouped?endpointId=" + id + "&requests=20")
                .body());
        assertEquals(20, (int) number(grouped.get(0), "hits"), "root: " + grouped.get(0));
        JsonObject slowPath = grouped.stream().filter(r -> text(r, "method").equals("slowPart")).findFirst()
                .orElseThrow(() -> new AssertionError("no slowPart in " + grouped));
        assertEquals(20, (int) number(slowPath, "hits"));
        assertTrue(number(slowPath, "share") > 0.6, "slowPart's share: " + slowPath);
        JsonObject fastPath = grouped.stream().filter(r -> text(r, "method").equals("fastPart")).findFirst()
                .orElseThrow(() -> new AssertionError("no fastPart in " + grouped));
        assertTrue(number(fastPath, "share") < number(slowPath, "share") / 3, "fastPart's share: " + fastPath);
        assertEquals(1, (int) number(slowPath, "indent"), "slowPart is called by the endpoint method");

        JsonObject queries = Json.createReader(new StringReader(
                client.get("insight/fmd-probe/queries?endpointId=" + id).body())).readObject();
        assertEquals(5, queries.getInt("profiled"), "first page of profiled requests: " + queries);
        assertTrue(queries.getJsonNumber("newestDuration").doubleValue() >= 80, queries.toString());
        assertEquals("report", queries.getJsonArray("tree").getJsonObject(0).getString("method"), queries.toString());
    }

    @Test
    void profilerCountsTimeBlockedInASocketReadToTheMethodReading() throws Exception {
        FmdClient client = client();
        int before = profiledAtLevel3(client, "work/remote", "WorkResource.remote");
        assertEquals("remote answered 42", client.get("insight/work/remote").body());
        List<JsonObject> tree = newestTree(client, "WorkResource.remote", "remote", before + 1);
        double root = number(tree.get(0), "duration");
        double reading = duration(tree, "readFromSlowPeer");
        assertTrue(root >= 150 && reading > root * 0.6, "readFromSlowPeer " + reading + " ms of " + root + " ms: "
                + tree);
    }

    @Test
    void slowRequestBecomesAnOutlierWithItsStackAndRedactedSecrets() throws Exception {
        FmdClient client = client();
        assertEquals(200, client.get("insight/work/stock?ms=5").statusCode());
        setLevel(client, "WorkResource.stock", 2);
        for (int i = 0; i < 8; i++) {
            assertEquals(200, client.get("insight/work/stock?ms=5").statusCode());
        }
        assertEquals(200, client.get("insight/work/stock?ms=400&item=42&password=hunter2",
                "X-Api-Token", "s3cret-value", "Authorization", "Bearer abcdef", "Cookie", "session=xyz",
                "X-Request-Note", "visible").statusCode());
        List<JsonObject> outliers = client.awaitOutliers("WorkResource.stock", rows -> rows.stream()
                .anyMatch(r -> String.valueOf(text(r, "query_params")).contains("item=42")));
        JsonObject outlier = outliers.stream()
                .filter(r -> String.valueOf(text(r, "query_params")).contains("item=42")).findFirst().orElseThrow();
        String stack = text(outlier, "stack_trace");
        assertTrue(stack.contains("waitForSupplier") && stack.contains("Thread.sleep"), stack);
        String headers = text(outlier, "request_headers").toLowerCase(Locale.ROOT);
        String everything = outlier.toString();
        for (String secret : List.of("s3cret-value", "hunter2", "abcdef", "session=xyz")) {
            assertFalse(everything.contains(secret), secret + " stored: " + everything);
        }
        assertTrue(headers.contains("x-api-token: [redacted]") && headers.contains("authorization: [redacted]")
                && headers.contains("x-request-note: visible"), headers);
        String query = text(outlier, "query_params");
        assertTrue(query.contains("password=[redacted]") && query.contains("item=42"), query);
        assertTrue(text(outlier, "request_url").endsWith("/insight/work/stock"), text(outlier, "request_url"));
        assertTrue(text(outlier, "request_environment").contains("remote address: 127.0.0.1"),
                text(outlier, "request_environment"));
        assertTrue(number(outlier, "heap_used") > 0 && number(outlier, "heap_committed") >= number(outlier,
                "heap_used"));
        assertFalse(outlier.isNull("average_ms"), "the endpoint's average is stored with the outlier: " + outlier);
        double average = number(outlier, "average_ms");
        assertTrue(average >= 5 && average * 2.5 < 400, "the endpoint's average of the 5 ms requests before, which "
                + "the 400 ms one passed 2.5 times (fmd.outlier-detection-constant): " + average);
        JsonObject queries = Json.createReader(new StringReader(client.get("insight/fmd-probe/queries?endpointId="
                + endpointId(client, "WorkResource.stock")).body())).readObject();
        JsonObject fromService = queries.getJsonArray("outliers").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getJsonNumber("requestId").longValue() == (long) number(outlier, "request_id"))
                .findFirst().orElseThrow(() -> new AssertionError("the query service misses the outlier: " + queries));
        assertTrue(fromService.getString("stackTrace").contains("waitForSupplier"), fromService.toString());
    }

    @Test
    void firstRequestsOfANewEndpointAreNeverOutliers() throws Exception {
        FmdClient client = client();
        assertEquals(200, client.get("insight/work/cold?ms=1").statusCode());
        setLevel(client, "WorkResource.cold", 2);
        List<Integer> waits = List.of(300, 1, 1, 1, 1);
        for (int ms : waits) {
            assertEquals(200, client.get("insight/work/cold?ms=" + ms).statusCode());
        }
        client.awaitRequestRows("WorkResource.cold", rows -> rows.size() == 6);
        FmdClient.sleep(1000);
        assertEquals(List.of(), client.outlierRows("WorkResource.cold"), "warm-up requests are not outliers");
    }

    private static String lastRequested(FmdClient client, String endpoint) {
        return lastRequested(client.endpointRows(), endpoint);
    }

    private static String lastRequested(List<JsonObject> rows, String endpoint) {
        return rows.stream().filter(r -> text(r, "name").equals(endpoint)).map(r -> text(r, "last_requested"))
                .findFirst().orElse("");
    }

    private static double duration(List<JsonObject> tree, String method) {
        return tree.stream().filter(r -> text(r, "method_name").equals(method)).mapToDouble(r -> number(r, "duration"))
                .max().orElseThrow(() -> new AssertionError("no " + method + " in " + tree));
    }

    /**
     * Calls the endpoint once so that it has a row, sets it to level 3, and calls it again until the profiler, whose
     * recording starts off the request path, stored a tree; waits for JFR's next flushes.
     *
     * @return how many trees the endpoint has then
     */
    private static int profiledAtLevel3(FmdClient client, String path, String endpoint) throws Exception {
        assertEquals(200, client.get("insight/" + path).statusCode());
        setLevel(client, endpoint, 3);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (client.stackLines(endpoint).isEmpty() && System.nanoTime() < deadline) {
            assertEquals(200, client.get("insight/" + path).statusCode());
            FmdClient.sleep(300);
        }
        FmdClient.sleep(2500);
        return (int) client.stackLines(endpoint).stream().filter(r -> number(r, "position") == 0).count();
    }

    /**
     * Waits until the endpoint has the trees of {@code requests} requests, and returns the newest one, whose root must
     * be the endpoint method.
     */
    private static List<JsonObject> newestTree(FmdClient client, String endpoint, String method, int requests) {
        List<JsonObject> lines = client.awaitStackLines(endpoint, rows -> rows.stream()
                .filter(r -> number(r, "position") == 0).count() >= requests);
        double newest = lines.stream().mapToDouble(r -> number(r, "request_id")).max().orElseThrow();
        List<JsonObject> tree = lines.stream().filter(r -> number(r, "request_id") == newest).toList();
        assertEquals(method, text(tree.get(0), "method_name"), "the endpoint method is the root: " + tree);
        return tree;
    }

    private static void setLevel(FmdClient client, String endpoint, int level) throws Exception {
        long id = endpointId(client, endpoint);
        assertEquals(204, put(client, "fmd/api/endpoints/" + id + "/level", "{\"level\":" + level + "}", TOKEN)
                .statusCode());
    }

    private static long endpointId(FmdClient client, String endpoint) {
        return (long) number(client.awaitEndpointRows(rows -> rows.stream()
                .anyMatch(r -> text(r, "name").equals(endpoint))).stream()
                .filter(r -> text(r, "name").equals(endpoint)).findFirst().orElseThrow(), "id");
    }

    private static int level(FmdClient client, String endpoint) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(client.url("fmd/api/endpoints"))).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Integer> levels = json(response.body()).stream()
                .collect(Collectors.toMap(r -> r.getString("name"), r -> r.getInt("level")));
        return levels.get(endpoint);
    }

    private static HttpResponse<String> put(FmdClient client, String path, String body, String token) {
        return client.putJson(path, body, "Authorization", "Bearer " + token);
    }

    private static List<JsonObject> json(String body) {
        return Json.createReader(new StringReader(body)).readArray().stream().map(JsonValue::asJsonObject).toList();
    }
}
