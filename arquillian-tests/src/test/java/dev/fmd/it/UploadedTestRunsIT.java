package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.support.TinyApp;
import dev.fmd.it.testmonitor.CoverageProbe;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Testmonitor's server side on this run's database: requests tagged with a test count for that test (per run and
 * endpoint) only when they carry {@code fmd.testmonitor-token}; an uploaded run is stored with its results and joined
 * to those requests; a bad upload is refused with the status and the field that is wrong, and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadedTestRunsIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String TOKEN = "testmonitor-" + PREFIX + "-0123456789";
    private static final String UPLOAD = "fmd/api/test-runs";
    private static final String RUN = "run-" + PREFIX;
    private static final String ECHO_TEST = "com.acme.EchoIT#echoes";
    private static final String STATUS_TEST = "com.acme.StatusIT#notFound";

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        return TinyApp.war(Map.of("fmd.testmonitor-token", TOKEN), PREFIX).addClass(CoverageProbe.class);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    private FmdClient client() {
        return new FmdClient(deployment, "tiny");
    }

    private static String[] tag(String test, String run, String token) {
        return new String[] {"X-Fmd-Test", test, "X-Fmd-Test-Run", run, "X-Fmd-Test-Token", token};
    }

    private static String run(String key, String build, String tests) {
        return "{\"run\": \"" + key + "\", \"build\": \"" + build + "\", \"startedAt\": \"2026-12-06T10:00:00Z\", "
                + "\"times\": 3, \"source\": \"junit5\", \"tests\": [" + tests + "]}";
    }

    private static String test(String name, String outcome, double... durations) {
        return "{\"name\": \"" + name + "\", \"outcome\": \"" + outcome + "\", \"durationsMs\": ["
                + Arrays.stream(durations).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + "]}";
    }

    private HttpResponse<String> upload(String json, String... headers) {
        return client().postBody(UPLOAD, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String bearer() {
        return "Bearer " + TOKEN;
    }

    @Test
    @Order(1)
    void taggedRequestsCountForTheirTestAndRunOnlyWithTheToken() {
        FmdClient client = client();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("tiny/echo", tag(ECHO_TEST, RUN, TOKEN)).statusCode());
        }
        assertEquals(404, client.get("tiny/status/404", tag(STATUS_TEST, RUN, TOKEN)).statusCode());
        String forged = "com.acme.ForgedIT#forged";
        assertEquals(200, client.get("tiny/echo", tag(forged, RUN, TOKEN + "x")).statusCode());
        assertEquals(200, client.get("tiny/echo", "X-Fmd-Test", forged, "X-Fmd-Test-Run", RUN).statusCode());
        assertEquals(200, client.get("tiny/echo", tag(forged, "a run with spaces", TOKEN)).statusCode());

        HttpResponse<String> stored = upload(run(RUN, "41", test(ECHO_TEST, "passed", 10, 11, 12) + ", "
                + test(STATUS_TEST, "failed", 5, 6, 7)), "Authorization", bearer());
        assertEquals(201, stored.statusCode(), stored.body());
        JsonObject answer = Json.createReader(new StringReader(stored.body())).readObject();
        assertEquals(2, answer.getInt("tests"));
        assertEquals(1, answer.getInt("failed"));
        assertTrue(stored.headers().firstValue("Location").orElse("").endsWith("/fmd/testmonitor.xhtml?run="
                + answer.getJsonNumber("id").longValue()), stored.headers().map().toString());

        List<JsonObject> hits = client.awaitTestRows("test_endpoint", rows -> rows.stream().mapToLong(r -> (long) number(r, "hits")).sum() >= 4);
        assertEquals(Map.of(ECHO_TEST + " EchoResource.echo", 3L, STATUS_TEST + " StatusResource.status", 1L),
                hits.stream().collect(Collectors.toMap(r -> text(r, "test_name") + " " + text(r, "endpoint_name"),
                        r -> (long) number(r, "hits"))), "only the tags with the token, once per request");
        assertTrue(hits.stream().allMatch(r -> RUN.equals(text(r, "run_key"))), hits.toString());

        JsonObject coverage = client.json("tiny/testmonitor-probe/coverage?endpointId="
                + (long) number(hits.get(0), "endpoint_id") + "&test=" + ECHO_TEST.replace("#", "%23"));
        assertEquals(1, coverage.getInt("runs"));
        assertEquals(2, coverage.getJsonObject("testsPerEndpoint").size(), coverage.toString());
        assertEquals(1, coverage.getJsonArray("endpointsOf").size(), coverage.toString());
        JsonObject echo = coverage.getJsonArray("endpointsOf").getJsonObject(0);
        assertEquals("EchoResource.echo", echo.getString("endpoint"));
        assertEquals(3, echo.getInt("hits"));
        assertEquals(11.0, echo.getJsonNumber("testMedian").doubleValue(), 1e-9, "the test's median duration");
    }

    @Test
    @Order(2)
    void aSecondRunShowsWhichTestGotSlower() {
        String second = RUN + "-2";
        HttpResponse<String> stored = upload(run(second, "42", test(ECHO_TEST, "passed", 30, 31, 29) + ", "
                + test(STATUS_TEST, "passed", 5, 6, 5)), "Authorization", bearer());
        assertEquals(201, stored.statusCode(), stored.body());
        Map<String, JsonObject> tests = client().jsonArray("tiny/testmonitor-probe/tests").stream()
                .collect(Collectors.toMap(t -> t.getString("name"), t -> t));
        assertEquals(2, tests.get(ECHO_TEST).getInt("runs"));
        assertEquals("42", tests.get(ECHO_TEST).getString("build"));
        assertEquals(30.0, tests.get(ECHO_TEST).getJsonNumber("median").doubleValue(), 1e-9);
        assertEquals(11.0, tests.get(ECHO_TEST).getJsonNumber("previous").doubleValue(), 1e-9);
        assertTrue(tests.get(ECHO_TEST).getBoolean("slower"), tests.toString());
        assertEquals(false, tests.get(STATUS_TEST).getBoolean("slower"), tests.toString());
        assertEquals("passed", tests.get(STATUS_TEST).getString("outcome"));
    }

    @Test
    @Order(3)
    void badUploadsAreRefusedWithTheRightStatusAndChangeNothing() {
        FmdClient client = client();
        List<JsonObject> runsBefore = client.testRows("test_run");
        List<JsonObject> resultsBefore = client.testRows("test_result");
        assertEquals(2, runsBefore.size(), "the runs of the tests before");
        String good = run("fresh-" + PREFIX, "43", test(ECHO_TEST, "passed", 1, 2, 3));

        assertRefused(400, "run", upload(good.replace("\"run\": \"fresh-" + PREFIX + "\", ", ""),
                "Authorization", bearer()));
        assertRefused(400, "times", upload(good.replace("\"times\": 3", "\"times\": \"three\""),
                "Authorization", bearer()));
        assertRefused(400, "tests[0].durationsMs[1]", upload(good.replace("2.0", "\"slow\""),
                "Authorization", bearer()));
        assertRefused(400, "tests[0].outcome", upload(good.replace("passed", "green"), "Authorization", bearer()));
        assertRefused(400, "body", upload(good.substring(0, good.length() / 2), "Authorization", bearer()));
        assertRefused(409, "run", upload(run(RUN, "44", test(ECHO_TEST, "passed", 1)), "Authorization", bearer()));
        assertRefused(415, "body", client.postBody(UPLOAD, "text/plain", good.getBytes(StandardCharsets.UTF_8),
                "Authorization", bearer()));
        for (String[] wrong : List.of(new String[0], new String[] {"Authorization", bearer() + "x"},
                new String[] {"Authorization", "Basic " + TOKEN})) {
            HttpResponse<String> refused = upload(good, wrong);
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("fmd.testmonitor-token"), refused.body());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) ' ');
        HttpResponse<String> huge = client.postBody(UPLOAD, "application/json", tenMegabytes,
                "Authorization", bearer());
        assertRefused(413, "body", huge);

        assertEquals(runsBefore, client.testRows("test_run"), "no run changed or added");
        assertEquals(resultsBefore, client.testRows("test_result"), "no result changed or added");
        assertEquals(201, upload(good, "Authorization", bearer()).statusCode(), "the same upload, right, is taken");
    }

    private static void assertRefused(int status, String field, HttpResponse<String> response) {
        assertNotNull(response, "no answer");
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(field, body.getString("field", null), response.body());
        assertTrue(body.getString("error").contains(field.equals("body") ? "" : field), response.body());
    }
}
