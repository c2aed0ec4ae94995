package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.Promtool;
import dev.fmd.it.support.Scrape;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.support.TinyApp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /fmd/metrics} with {@code fmd.metrics-token}: refused without the token; with it, the counts per endpoint
 * and status class are those of the stored request rows, and Prometheus' own parser accepts both formats.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String TOKEN = "scrape-" + PREFIX + "-0123456789";
    private static final String INSTANCE = "metrics \"it\" node";
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final String ECHO = "EchoResource.echo";
    private static final String STATUS = "StatusResource.status";
    private static final String FAIL = "StatusResource.fail";
    private static final String[] STATUS_CLASSES = {"2xx", "3xx", "4xx", "5xx"};
    /** The requests sent once, by path, with the status each gets: 7 × 200, 3 × 404, 2 × 503, 2 × 500, 1 × 204. */
    private static final Map<String, int[]> TRAFFIC = Map.of(
            "tiny/echo", new int[] {200, 7},
            "tiny/status/404", new int[] {404, 3},
            "tiny/status/503", new int[] {503, 2},
            "tiny/status/204", new int[] {204, 1},
            "tiny/status/fail", new int[] {500, 2});

    private static boolean trafficSent;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        return TinyApp.war(Map.of("fmd.metrics-token", TOKEN, "fmd.instance", INSTANCE), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    private FmdClient client() {
        return new FmdClient(deployment, "tiny");
    }

    @Test
    void scrapesWithoutTheTokenAreRefusedWithABearerChallenge() {
        FmdClient client = client();
        for (String[] headers : List.of(new String[0], new String[] {"Authorization", "Bearer " + TOKEN + "x"},
                new String[] {"Authorization", "Basic " + TOKEN})) {
            HttpResponse<String> refused = client.get("fmd/metrics", headers);
            assertEquals(401, refused.statusCode(), List.of(headers) + ": " + refused.body());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    refused.headers().map().toString());
            assertTrue(refused.body().contains("fmd.metrics-token"), refused.body());
            assertFalse(refused.body().contains("fmd_requests"), "no metrics leak: " + refused.body());
        }
    }

    @Test
    void testRunUploadsAreOffWhileTheirTokenIsUnset() {
        HttpResponse<String> refused = client().postBody("fmd/api/test-runs", "application/json",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Authorization", "Bearer " + TOKEN);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("fmd.testmonitor-token"), refused.body());
    }

    @Test
    void countsPerEndpointAndStatusClassAreThoseOfTheStoredRequestRows() {
        FmdClient client = client();
        Map<String, List<JsonObject>> rows = sendTrafficOnceAndAwaitItsRows(client);
        assertEquals(List.of(7, 0), statusCounts(rows.get(ECHO), 200, 500), "the stored rows");
        assertEquals(List.of(1, 3, 2), statusCounts(rows.get(STATUS), 204, 404, 503), "the stored rows");
        assertEquals(List.of(2), statusCounts(rows.get(FAIL), 500), "the stored rows");

        Scrape scrape = awaitScrape(client, s -> s.value("fmd_queue_depth") == 0);
        for (Map.Entry<String, List<JsonObject>> endpoint : rows.entrySet()) {
            String name = endpoint.getKey();
            List<JsonObject> stored = endpoint.getValue();
            for (String statusClass : STATUS_CLASSES) {
                long expected = stored.stream()
                        .filter(r -> (int) number(r, "status_code") / 100 == statusClass.charAt(0) - '0').count();
                assertEquals(expected, scrape.value("fmd_requests_total", "endpoint", name, "status_class",
                        statusClass), name + " " + statusClass);
            }
            assertEquals(List.of(), scrape.samples("fmd_requests_total").stream()
                    .filter(s -> s.has("endpoint", name, "status_class", "1xx")).toList(), "1xx only once seen");
            assertHistogramOf(scrape, name, stored);
        }
        String route = text(client.awaitEndpointRows(r -> r.stream().anyMatch(e -> STATUS.equals(text(e, "name"))))
                .stream().filter(e -> STATUS.equals(text(e, "name"))).findFirst().orElseThrow(), "path");
        assertEquals("/tiny/status/{code: \\d+}", route, "a route with a backslash");
        assertEquals(4, scrape.samples("fmd_requests_total").stream()
                .filter(s -> s.has("endpoint", STATUS, "method", "GET", "route", route)).count(), scrape.text());
    }

    @Test
    void fmdsOwnStateIsShownOnceTheRequestsAreWritten() {
        FmdClient client = client();
        int stored = sendTrafficOnceAndAwaitItsRows(client).values().stream().mapToInt(List::size).sum();
        Scrape scrape = awaitScrape(client, s -> s.value("fmd_queue_depth") == 0);
        assertEquals(stored, scrape.value("fmd_written_total"), "every monitored request of the class is stored");
        assertEquals(1, scrape.value("fmd_database_up"));
        assertEquals(0, scrape.value("fmd_writer_lag_seconds"), "nothing in the writer's hand");
        assertEquals(10_000, scrape.value("fmd_queue_capacity"));
        assertEquals(0, scrape.value("fmd_dropped_total"));
        assertEquals(0, scrape.value("fmd_rejected_total"));
        assertEquals(0, scrape.value("fmd_lost_details_total"));
        assertEquals(1, scrape.value("fmd_info", "version", "1.0", "instance", INSTANCE), "escaped quotes");
    }

    @Test
    void prometheusGetsOpenMetricsThatItsParserAccepts() throws Exception {
        FmdClient client = client();
        sendTrafficOnceAndAwaitItsRows(client);
        HttpResponse<String> scrape = scrape(client, PROMETHEUS_ACCEPT);
        assertEquals("application/openmetrics-text;version=1.0.0;charset=utf-8", contentType(scrape));
        assertTrue(scrape.body().endsWith("\n# EOF\n"), scrape.body());
        Path work = Files.createTempDirectory(Path.of(System.getProperty("fmd.it.target", "target")), "promtool");
        Promtool.Result parsed = Promtool.parseOpenMetrics(scrape.body(), work);
        assertEquals(0, parsed.exitCode(), parsed.output() + "\nfor:\n" + scrape.body());
    }

    @Test
    void otherClientsGetTheTextFormatWhichPromtoolFindsWithoutProblems() {
        FmdClient client = client();
        sendTrafficOnceAndAwaitItsRows(client);
        HttpResponse<String> scrape = scrape(client, "*/*");
        assertEquals("text/plain;version=0.0.4;charset=utf-8", contentType(scrape));
        assertFalse(scrape.body().contains("# EOF"), scrape.body());
        Promtool.Result lint = Promtool.checkMetrics(scrape.body());
        assertEquals(0, lint.exitCode(), lint.output() + "\nfor:\n" + scrape.body());
        assertEquals("", lint.output().trim(), "no lint problem");
    }

    /** Cumulative buckets ending with the count, count and sum those of the stored rows. */
    private static void assertHistogramOf(Scrape scrape, String endpoint, List<JsonObject> stored) {
        List<Scrape.Sample> buckets = scrape.samples("fmd_request_duration_seconds_bucket").stream()
                .filter(s -> s.has("endpoint", endpoint)).toList();
        assertEquals(12, buckets.size(), endpoint + ": " + scrape.text());
        for (int i = 1; i < buckets.size(); i++) {
            assertTrue(buckets.get(i).value() >= buckets.get(i - 1).value(), endpoint + " cumulative: " + buckets);
        }
        assertEquals("+Inf", buckets.get(buckets.size() - 1).labels().get("le"));
        assertEquals(stored.size(), buckets.get(buckets.size() - 1).value(), endpoint + " +Inf");
        assertEquals(stored.size(), scrape.value("fmd_request_duration_seconds_count", "endpoint", endpoint));
        double storedSeconds = stored.stream().mapToDouble(r -> number(r, "duration")).sum() / 1000;
        assertEquals(storedSeconds, scrape.value("fmd_request_duration_seconds_sum", "endpoint", endpoint),
                1e-6, endpoint + " sum of durations (rows keep 0.1 µs)");
        for (Scrape.Sample bucket : buckets.subList(0, buckets.size() - 1)) {
            double le = Double.parseDouble(bucket.labels().get("le"));
            long within = stored.stream().filter(r -> number(r, "duration") / 1000 <= le).count();
            assertEquals(within, bucket.value(), endpoint + " le=" + le);
        }
    }

    /** Sends {@link #TRAFFIC} on the first call; every call waits until all of it is stored. */
    private static Map<String, List<JsonObject>> sendTrafficOnceAndAwaitItsRows(FmdClient client) {
        synchronized (MetricsIT.class) {
            if (!trafficSent) {
                TRAFFIC.forEach((path, statusAndTimes) -> {
                    for (int i = 0; i < statusAndTimes[1]; i++) {
                        assertEquals(statusAndTimes[0], client.get(path).statusCode(), path);
                    }
                });
                trafficSent = true;
            }
        }
        return Map.of(ECHO, client.awaitRequestRows(ECHO, r -> r.size() == 7),
                STATUS, client.awaitRequestRows(STATUS, r -> r.size() == 6),
                FAIL, client.awaitRequestRows(FAIL, r -> r.size() == 2));
    }

    private static List<Integer> statusCounts(List<JsonObject> rows, int... statuses) {
        return java.util.Arrays.stream(statuses).mapToObj(status -> (int) rows.stream()
                .filter(r -> (int) number(r, "status_code") == status).count()).toList();
    }

    private static HttpResponse<String> scrape(FmdClient client, String accept) {
        HttpResponse<String> response = client.get("fmd/metrics", "Authorization", "Bearer " + TOKEN,
                "Accept", accept);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        return response;
    }

    /** @return the response's content type, lower case, without spaces (the container may write its own) */
    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** Scrapes until the condition holds (the writer sets its counters just after a commit), for 5 s at most. */
    private static Scrape awaitScrape(FmdClient client, Predicate<Scrape> condition) {
        Scrape scrape = null;
        for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline; FmdClient.sleep(100)) {
            scrape = Scrape.parse(scrape(client, PROMETHEUS_ACCEPT).body());
            if (condition.test(scrape)) {
                return scrape;
            }
        }
        throw new AssertionError("the scrape never satisfied the condition; last:\n" + scrape.text());
    }
}
