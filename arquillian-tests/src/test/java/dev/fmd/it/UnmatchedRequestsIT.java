package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.unmatched.OriginFilter;
import dev.fmd.it.unmatched.ShopApplication;
import dev.fmd.monitor.EndpointRegistry;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that end before a resource method: a {@code @PreMatching} filter answers them (a CORS preflight, a 403
 * for a foreign origin), a sub-resource locator fails, a parameter does not convert or validate, or no resource
 * matches at all. Each is recorded once: for the endpoint it was going to when the routes say which, else for the
 * {@code (unmatched)} pseudo-endpoint of its method and path template; a request to another servlet, a static file
 * or an unmonitored resource is not. A scanner's ten thousand paths make a bounded number of endpoints.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnmatchedRequestsIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String UNMATCHED = "(unmatched)";
    private static final String EVIL = "https://evil.example";
    /** Letters only, no id by its shape: redacted for its place, after a segment that names a secret. */
    private static final String SECRET = "Open-Sesame-Secret";
    /** The requests {@link #send} makes that fmd records. */
    private static final int RECORDED = 12;
    private static final int SCANNED = 10_000;
    private static final String TOKEN = java.util.UUID.randomUUID().toString();
    private static boolean sent;
    private static AssertionError sendFailed;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "unmatched.war")
                .addPackage(ShopApplication.class.getPackage())
                .addAsWebResource(new StringAsset("<p>a static page</p>"), "index.html");
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.queue-capacity", "50000",
                "fmd.admin-token", TOKEN), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    private FmdClient client() {
        return new FmdClient(deployment, "api");
    }

    /** The requests of the first tests, sent once, in this order, then waited for until every table counts them. */
    private synchronized void send() {
        if (sendFailed != null) {
            throw sendFailed;
        }
        if (!sent) {
            try {
                sendAndAwait();
            } catch (AssertionError e) {
                sendFailed = e;
                throw e;
            }
            sent = true;
        }
    }

    private void sendAndAwait() {
        FmdClient client = client();
        assertEquals(204, client.send("OPTIONS", "api/items/7", "Origin", OriginFilter.ALLOWED,
                "Access-Control-Request-Method", "GET").statusCode());
        assertEquals(403, client.get("api/items/7", "Origin", EVIL).statusCode());
        assertEquals("item 8", client.get("api/items/8").body());
        assertEquals(404, client.get("api/catalog/not-a-uuid").statusCode());
        assertEquals(200, client.get("api/catalog/3f2c1a9e-58b1-4c1e-9a7b-0c6d2e4f8a10").statusCode());
        assertEquals(404, client.get("api/items?limit=abc").statusCode());
        assertEquals(400, client.get("api/items/search?q=ab").statusCode());
        assertEquals(415, client.send("POST", "api/items", "Content-Type", "text/plain").statusCode());
        assertEquals(405, client.send("DELETE", "api/items/7").statusCode());
        assertEquals(404, client.get("api/nothing/12345/x;jsessionid=abc").statusCode());
        assertEquals(404, client.get("api/things/3f2c1a9e-58b1-4c1e-9a7b-0c6d2e4f8a10/deadbeef42").statusCode());
        assertEquals(404, client.get("api/token/" + SECRET).statusCode());
        // not fmd's to record: an unmonitored resource (ended by the filter or not), a static file, another servlet
        assertEquals(403, client.get("api/quiet", "Origin", EVIL).statusCode());
        assertEquals("quiet", client.get("api/quiet").body());
        assertEquals(200, client.get("index.html").statusCode());
        assertEquals("plain", client.get("plain").body());
        assertEquals(404, client.get("plain/missing/42").statusCode());
        client.awaitRollups(RECORDED);
    }

    @Test
    @Order(1)
    void requestsEndedBeforeTheirResourceMethodAreRecordedOnceForTheEndpointTheyWereGoingTo() {
        send();
        FmdClient client = client();
        assertEquals(List.of("403 -", "200 -"), outcomes(client, "ItemResource.get"), "403 from a @PreMatching filter");
        assertEquals(List.of("404 jakarta.ws.rs.NotFoundException", "200 -"), outcomes(client, "CatalogEntry.get"),
                "the locator's 404, for the sub-resource's method it was going to");
        assertEquals(List.of("404 org.glassfish.jersey.server.ParamException$QueryParamException"),
                outcomes(client, "ItemResource.list"), "a query parameter that is no int");
        assertEquals(List.of("400 jakarta.validation.ConstraintViolationException"),
                outcomes(client, "ItemResource.search"), "a Bean Validation constraint");
        assertEquals(List.of("415 jakarta.ws.rs.NotSupportedException"), outcomes(client, "ItemResource.create"),
                "a media type the method does not consume");
        FmdClient.sleep(1200);
        client.awaitRollups(RECORDED);
    }

    @Test
    @Order(2)
    void requestsThatReachNoResourceMethodGoToAnUnmatchedEndpointPerMethodAndPathTemplate() {
        send();
        FmdClient client = client();
        Map<Long, String> routes = client.endpointRows().stream().filter(e -> UNMATCHED.equals(text(e, "name")))
                .collect(Collectors.toMap(e -> (long) number(e, "id"),
                        e -> text(e, "http_method") + " " + text(e, "path")));
        Map<String, List<String>> byRoute = new TreeMap<>();
        for (JsonObject row : client.requestRows(UNMATCHED)) {
            byRoute.computeIfAbsent(routes.get((long) number(row, "endpoint_id")), r -> new ArrayList<>())
                    .add(outcome(row));
        }
        assertEquals(Map.of(
                "OPTIONS /api/items/{}", List.of("204 -"),
                "DELETE /api/items/{}", List.of("405 jakarta.ws.rs.NotAllowedException"),
                "GET /api/nothing/{}/x", List.of("404 jakarta.ws.rs.NotFoundException"),
                "GET /api/things/{}/{}", List.of("404 jakarta.ws.rs.NotFoundException"),
                "GET /api/token/{}", List.of("404 jakarta.ws.rs.NotFoundException")), byRoute);
        assertTrue(client.endpointRows().stream().noneMatch(e -> text(e, "path").contains(SECRET)));
    }

    @Test
    @Order(3)
    void theDashboardListsTheUnmatchedEndpointsAndShowsTheirPagesAtLevelOneAtMost() {
        send();
        FmdClient client = client();
        String overview = client.page("fmd").body();
        Map<String, String> links = new TreeMap<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(overview);
        Pattern cells = Pattern.compile("endpoint-link\"[^>]*href=\"([^\"]*)\"[^>]*>([^<]*)<.*?class=\"[^\"]*route[^\"]*\""
                + "[^>]*>([^<]*)<", Pattern.DOTALL);
        while (row.find()) {
            Matcher cell = cells.matcher(row.group(1));
            if (cell.find() && cell.group(2).equals(UNMATCHED)) {
                links.put(cell.group(3).replace("&#160;", " ").replace("\u00a0", " "), cell.group(1)
                        .replace("&amp;", "&"));
            }
        }
        assertEquals(List.of("DELETE /api/items/{}", "GET /api/nothing/{}/x", "GET /api/things/{}/{}",
                "GET /api/token/{}", "OPTIONS /api/items/{}"), List.copyOf(links.keySet()), overview);
        HttpResponse<String> page = client.page(links.get("GET /api/nothing/{}/x").replaceFirst("^/[^/]+/", ""));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/api/nothing/{}/x"), page.body());

        JsonObject nothing = client.endpointRows().stream().filter(e -> "/api/nothing/{}/x".equals(text(e, "path")))
                .findFirst().orElseThrow();
        assertEquals(1, (int) number(nothing, "monitor_level"));
        HttpResponse<String> profiled = client.putJson("fmd/api/endpoints/" + (long) number(nothing, "id") + "/level",
                "{\"level\":3}", "Authorization", "Bearer " + TOKEN);
        assertEquals(204, profiled.statusCode(), profiled.body());
        assertEquals(1, (int) number(client.endpointRows().stream().filter(e -> "/api/nothing/{}/x".equals(
                text(e, "path"))).findFirst().orElseThrow(), "monitor_level"), "never watched nor profiled");
    }

    @Test
    @Order(4)
    void tenThousandScannedPathsMakeAtMostTheCapOfUnmatchedEndpoints() throws Exception {
        send();
        FmdClient client = client();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(8);
        AtomicInteger notFound = new AtomicInteger();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < SCANNED; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(client.url("api/scan/" + letters(i) + "/admin")))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                inFlight.release();
                if (r != null && r.statusCode() == 404) {
                    notFound.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        assertEquals(SCANNED, notFound.get());
        client.awaitRollups(RECORDED + SCANNED);

        List<JsonObject> unmatched = client.endpointRows().stream().filter(e -> UNMATCHED.equals(text(e, "name")))
                .toList();
        assertEquals(EndpointRegistry.MAX_UNMATCHED_TEMPLATES + 1, unmatched.size(),
                "the cap, and one for the other paths of GET");
        JsonObject other = unmatched.stream().filter(e -> EndpointRegistry.OTHER_PATHS.equals(text(e, "path")))
                .findFirst().orElseThrow();
        assertEquals("GET", text(other, "http_method"));
        long scannedTemplates = unmatched.stream().filter(e -> text(e, "path").startsWith("/api/scan/")).count();
        assertEquals(EndpointRegistry.MAX_UNMATCHED_TEMPLATES - 5, scannedTemplates);
        long[] otherCount = client.requestCount(UNMATCHED);
        assertEquals(5 + SCANNED, otherCount[0], "each scanned request recorded once");
    }

    /** @return a name of letters only (no digit: each is a template of its own), distinct for each number */
    private static String letters(int number) {
        StringBuilder name = new StringBuilder("p");
        for (int n = number; n > 0; n /= 26) {
            name.append((char) ('a' + n % 26));
        }
        return name.toString();
    }

    /** @return the endpoint's requests, in the order they came, as "status exception" */
    private static List<String> outcomes(FmdClient client, String endpoint) {
        return client.requestRows(endpoint).stream().map(UnmatchedRequestsIT::outcome).toList();
    }

    private static String outcome(JsonObject row) {
        String exception = row.isNull("exception_type") ? "-" : text(row, "exception_type");
        return (int) number(row, "status_code") + " " + exception;
    }
}
