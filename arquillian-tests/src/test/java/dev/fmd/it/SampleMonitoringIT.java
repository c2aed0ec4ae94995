package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.OverviewPage;
import dev.fmd.it.support.TestWars;
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
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample shop on Payara Micro: what fmd stores for each kind of request, and what the overview shows. */
@ExtendWith(ArquillianExtension.class)
class SampleMonitoringIT {

    private static final String PREFIX = TestWars.uniquePrefix();

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive sample() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fmd.app-version", "1.4.0-it");
        config.put("fmd.trusted-proxies", "127.0.0.1, ::1");
        return TestWars.configured(TestWars.sample(), config, PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    private FmdClient client() {
        return new FmdClient(deployment, "api");
    }

    @Test
    void everyEndpointIsListedBeforeItsFirstRequestWithRouteAndDefaultLevel() {
        FmdClient client = client();
        Set<String> expected = Set.of(
                "ProductResource.list GET /api/products",
                "ProductResource.get GET /api/products/{id}",
                "ProductResource.add POST /api/products",
                "ReportResource.sales GET /api/reports/sales",
                "ReportResource.primes GET /api/reports/primes",
                "ReportResource.forecast GET /api/reports/forecast",
                "OrderResource.order POST /api/orders/{productId}",
                "OrderResource.giftWrap POST /api/orders/{productId}/gift-wrap");
        List<JsonObject> rows = client.awaitEndpointRows(r -> routes(r).containsAll(expected));
        assertEquals(expected, routes(rows), "only the application's endpoints, not the server's or the probe's");
        JsonObject add = rows.stream().filter(r -> text(r, "name").equals("ProductResource.add")).findFirst()
                .orElseThrow();
        assertEquals(1, (int) number(add, "monitor_level"));
        assertEquals("1.4.0-it", text(add, "version_added"));
    }

    @Test
    void eachRequestIsRecordedExactlyOnceWithItsMeasurements() {
        FmdClient client = client();
        String customer = "once-" + UUID.randomUUID();
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.get("api/products", "X-Customer", customer).statusCode());
        }
        String group = "(customer," + customer + ")";
        client.awaitRequestRows("ProductResource.list", rows -> ofGroup(rows, group).size() == 5);
        FmdClient.sleep(1500);
        List<JsonObject> rows = ofGroup(client.requestRows("ProductResource.list"), group);
        assertEquals(5, rows.size(), "each request once, not more");
        LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(5);
        for (JsonObject row : rows) {
            assertEquals(200, (int) number(row, "status_code"));
            assertEquals("1.4.0-it", text(row, "version_requested"));
            assertEquals("127.0.0.1", text(row, "ip"));
            assertTrue(number(row, "duration") > 0, "duration in ms: " + row);
            LocalDateTime requested = LocalDateTime.parse(text(row, "time_requested").replace(' ', 'T'));
            assertTrue(requested.isAfter(before) && requested.isBefore(after), "time is UTC: " + requested);
            assertNotNull(text(row, "instance"));
        }
    }

    @Test
    void statusIsWhatTheClientGotAndEscapingExceptionsAreNamed() {
        FmdClient client = client();
        String customer = "status-" + UUID.randomUUID();
        assertEquals(404, client.get("api/products/999", "X-Customer", customer).statusCode());
        assertEquals(409, client.post("api/orders/2", "X-Customer", customer).statusCode());
        assertEquals(500, client.post("api/orders/1/gift-wrap", "X-Customer", customer).statusCode());
        String group = "(customer," + customer + ")";

        JsonObject notFound = single(client, "ProductResource.get", group);
        assertEquals(404, (int) number(notFound, "status_code"));
        assertEquals("jakarta.ws.rs.NotFoundException", text(notFound, "exception_type"));

        JsonObject mapped = single(client, "OrderResource.order", group);
        assertEquals(409, (int) number(mapped, "status_code"), "status from the shop's own ExceptionMapper");
        assertEquals("dev.fmd.sample.OutOfStockException", text(mapped, "exception_type"));

        JsonObject escaped = single(client, "OrderResource.giftWrap", group);
        assertEquals(500, (int) number(escaped, "status_code"));
        assertEquals("java.lang.IllegalStateException", text(escaped, "exception_type"));
    }

    @Test
    void durationRunsUntilTheResponseIsComplete() {
        FmdClient client = client();
        String customer = "slow-" + UUID.randomUUID();
        long start = System.nanoTime();
        HttpResponse<String> response = client.get("api/reports/sales?ms=300", "X-Customer", customer);
        double clientMs = (System.nanoTime() - start) / 1e6;
        assertEquals(200, response.statusCode());
        JsonObject row = single(client, "ReportResource.sales", "(customer," + customer + ")");
        double duration = number(row, "duration");
        assertTrue(duration >= 240 && duration <= clientMs, duration + " ms stored, client saw " + clientMs + " ms");
    }

    @Test
    void clientAddressComesFromHeadersOfTrustedProxiesOnly() {
        FmdClient client = client();
        String customer = "proxy-" + UUID.randomUUID();
        client.get("api/products", "X-Customer", customer, "X-Forwarded-For", "203.0.113.9, 127.0.0.1");
        client.get("api/products/1", "X-Customer", customer, "Forwarded", "for=\"[2001:db8::7]:4711\";proto=http");
        assertEquals("203.0.113.9", text(single(client, "ProductResource.list", "(customer," + customer + ")"), "ip"));
        assertEquals("2001:db8::7", text(single(client, "ProductResource.get", "(customer," + customer + ")"), "ip"));
    }

    @Test
    void overviewShowsNewRequestsOnceWritten() {
        FmdClient client = client();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("api/reports/primes?n=2000").statusCode());
        }
        long start = System.nanoTime();
        Map<String, String> row = Map.of();
        while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            HttpResponse<String> page = client.page("fmd");
            assertEquals(200, page.statusCode(), "GET /fmd follows the redirect to the overview");
            row = new OverviewPage(page.body()).row("ReportResource.primes");
            if ("3".equals(row.get("hits"))) {
                break;
            }
            FmdClient.sleep(100);
        }
        assertEquals("3", row.get("hits"), "hits of ReportResource.primes: " + row);
        assertEquals("GET /api/reports/primes", row.get("route"));
        assertFalse(row.get("median").equals("–"), "median shown: " + row);
        assertTrue(row.get("last").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), "last requested shown: " + row);
    }

    private static JsonObject single(FmdClient client, String endpoint, String group) {
        return ofGroup(client.awaitRequestRows(endpoint, rows -> ofGroup(rows, group).size() == 1), group).get(0);
    }

    private static List<JsonObject> ofGroup(List<JsonObject> rows, String group) {
        return rows.stream().filter(r -> group.equals(text(r, "group_by"))).toList();
    }

    private static Set<String> routes(List<JsonObject> rows) {
        return rows.stream().map(r -> text(r, "name") + " " + text(r, "http_method") + " " + text(r, "path"))
                .collect(Collectors.toSet());
    }
}
