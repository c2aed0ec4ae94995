package dev.fmd.it.export;

import dev.fmd.config.Passwords;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.tiny.TinyApplication;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The export ({@code /<fmd.custom-link>/export}) on this run's database, under a custom link: known rows as CSV
 * and JSON (values, quoting, the window's edges), who may export (admin session, bearer token; guest 403, stranger
 * 401 or the login form), wrong parameters (400 naming them), the configuration page's table sizes, and (on H2 and
 * PostgreSQL) a million seeded requests streamed with the server's live heap sampled during the download.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportIT {

    static final String PREFIX = TestWars.uniquePrefix();
    static final String TOKEN = "export-it-admin-token-0123456789";
    static final String GUEST_PASSWORD = "export-guest-secret";
    static final String ENDPOINT = "EchoResource.echo";
    /** Requests streamed by the heap test. */
    static final int MILLION = 1_000_000;
    /** Live heap the export may add at most: a fraction of what holding a million rows takes (well over 100 MB). */
    static final long HEAP_BOUND = 40L << 20;
    /** The hour of the known rows: two hours ago, away from the million seeded rows (20 to 6 hours ago). */
    static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    @ArquillianResource
    private URL deployment;

    private static boolean seeded;

    @Deployment(testable = false)
    static WebArchive tiny() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fmd.custom-link", "monitoring");
        config.put("fmd.admin-token", TOKEN);
        config.put("fmd.guest-password", Passwords.hash(GUEST_PASSWORD));
        WebArchive war = ShrinkWrap.create(WebArchive.class, "tiny.war").addPackage(TinyApplication.class.getPackage())
                .addClass(ExportProbe.class);
        return TestWars.configured(TestWars.withFmd(war), config, PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    private FmdClient client() {
        FmdClient client = new FmdClient(deployment, "tiny");
        if (!seeded) {
            assertEquals(200, client.get("tiny/echo").statusCode());
            client.awaitRequestRows(ENDPOINT, rows -> rows.size() == 1);
            HttpResponse<String> known = client.post("tiny/export-probe/known?endpoint=" + ENDPOINT + "&hour=" + HOUR);
            assertEquals(200, known.statusCode(), known.body());
            seeded = true;
        }
        return client;
    }

    private static String window() {
        return "&from=" + HOUR + "&to=" + HOUR.plus(1, ChronoUnit.HOURS);
    }

    private static HttpResponse<String> withToken(FmdClient client, String query) {
        return client.get("monitoring/export?" + query, "Authorization", "Bearer " + TOKEN);
    }

    @Test
    @Order(1)
    void requestsAsCsvAreQuotedInTheWindowAndOldestFirst() {
        HttpResponse<String> csv = withToken(client(), "what=requests&format=csv" + window());
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv;charset=UTF-8", csv.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals("attachment; filename=\"fmd-requests-" + stamp(HOUR) + "-" + stamp(HOUR.plus(1,
                ChronoUnit.HOURS)) + ".csv\"", csv.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("id,time,endpoint,http_method,path,duration_ms,status,version,group_by,ip,exception,instance\r\n"
                + "1000000001," + HOUR.plusMillis(250) + ",EchoResource.echo,GET,/tiny/echo,1.5,200,v1,alice,10.0.0.1,,"
                + "node-a\r\n"
                + "1000000002," + HOUR.plus(10, ChronoUnit.MINUTES) + ",EchoResource.echo,GET,/tiny/echo,250.25,500,"
                + "\"v,2\",\"say \"\"hi\"\"\nbye\",::1,java.lang.IllegalStateException,node-a\r\n", csv.body());
    }

    @Test
    @Order(2)
    void requestsAggregatesAndOutliersAsJson() {
        FmdClient client = client();
        JsonArray requests = json(withToken(client, "what=requests&format=json" + window()));
        assertEquals(2, requests.size(), requests.toString());
        JsonObject second = requests.getJsonObject(1);
        assertEquals("say \"hi\"\nbye", second.getString("group_by"));
        assertEquals(250.25, second.getJsonNumber("duration_ms").doubleValue());
        assertEquals(HOUR.plus(10, ChronoUnit.MINUTES).toString(), second.getString("time"));
        assertTrue(requests.getJsonObject(0).isNull("exception"));

        JsonArray outliers = json(withToken(client, "what=outliers&format=json" + window()));
        assertEquals(1, outliers.size(), outliers.toString());
        JsonObject outlier = outliers.getJsonObject(0);
        assertEquals(1_000_000_002L, outlier.getJsonNumber("request_id").longValue());
        assertEquals(250.25, outlier.getJsonNumber("duration_ms").doubleValue());
        assertEquals(500, outlier.getInt("status"));
        assertEquals("Accept: */*\nCookie: [redacted]", outlier.getString("headers"));
        assertEquals(2000, outlier.getJsonNumber("heap_committed").longValue());
        assertTrue(outlier.getString("stack").contains("\tat shop.Echo.echo(Echo.java:12)"));

        JsonArray hours = json(withToken(client, "what=aggregates&format=json" + window()));
        JsonObject hour = hours.stream().map(v -> v.asJsonObject()).filter(h -> h.getString("instance")
                .equals("node-a")).findFirst().orElseThrow(() -> new AssertionError(hours.toString()));
        assertEquals(HOUR.toString(), hour.getString("hour"));
        assertEquals(ENDPOINT, hour.getString("endpoint"));
        assertEquals(4, hour.getInt("hits"));
        assertEquals(1, hour.getInt("errors_5xx"));
        assertEquals(2, hour.getInt("errors_4xx"));
        assertEquals(25.0, hour.getJsonNumber("mean_ms").doubleValue());
        assertEquals(20.0, hour.getJsonNumber("median_ms").doubleValue(), 20.0 * 0.02);
        assertEquals(40.0, hour.getJsonNumber("p99_ms").doubleValue(), 40.0 * 0.02);

        HttpResponse<String> csv = withToken(client, "what=outliers&format=csv" + window());
        assertTrue(csv.body().contains(",\"http://127.0.0.1/tiny/echo?q=a,b\",\"q=a,b\",,"), csv.body());
    }

    @Test
    @Order(3)
    void onlyTheAdminExports() {
        FmdClient stranger = client();
        HttpResponse<String> refused = stranger.get("monitoring/export?what=requests", "Accept", "*/*");
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("Bearer realm=\"fmd\"", refused.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(refused.body().contains("EchoResource"));
        assertEquals(401, stranger.get("monitoring/export", "Authorization", "Bearer wrong-token-0123456789")
                .statusCode());
        HttpResponse<String> navigation = stranger.get("monitoring/export?what=requests", "Accept", "text/html");
        assertTrue(navigation.uri().getPath().endsWith("/monitoring/login"), "a browser gets the login form: "
                + navigation.uri());
        assertFalse(navigation.body().contains("EchoResource"));

        FmdClient guest = new FmdClient(deployment, "tiny");
        HttpResponse<String> login = guest.postForm(path(guest, "monitoring/login"), "username", "guest", "password",
                GUEST_PASSWORD);
        assertEquals(200, login.statusCode());
        HttpResponse<String> forbidden = guest.get("monitoring/export?what=requests" + window());
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertFalse(forbidden.body().contains("EchoResource"));

        FmdClient admin = new FmdClient(deployment, "tiny");
        assertEquals(200, admin.page("monitoring/index.xhtml").statusCode());
        HttpResponse<String> session = admin.get("monitoring/export?what=requests" + window());
        assertEquals(200, session.statusCode(), session.body());
        assertEquals(3, session.body().split("\r\n").length, session.body());
    }

    @Test
    @Order(4)
    void aWrongParameterIsNamed() {
        FmdClient client = client();
        for (String[] wrong : List.of(new String[] {"what=everything", "parameter 'what'=everything: expected "
                + "requests, aggregates or outliers"}, new String[] {"format=xml", "parameter 'format'=xml: expected csv or json"},
            new String[] {"from=yesterday", "parameter 'from'=yesterday: expected an ISO-8601 time"},
            new String[] {"to=2026-13-01T00:00:00Z", "parameter 'to'"},
            new String[] {"zone=Mars/Base", "parameter 'zone'=Mars/Base"},
            new String[] {"from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z", "parameter 'from'"})) {
            HttpResponse<String> response = withToken(client, wrong[0]);
            assertEquals(400, response.statusCode(), wrong[0] + ": " + response.body());
            assertTrue(response.body().startsWith(wrong[1]), wrong[0] + ": " + response.body());
        }
    }

    @Test
    @Order(5)
    void aMillionRequestsStreamWithBoundedHeap() throws Exception {
        assumeTrue(Database.current() != Database.MARIADB, "a million rows on H2 and PostgreSQL only, for CI's time "
                + "(MariaDB streams too: seeded in 8 s, downloaded in 15 s, 2 MB of live heap, when tried)");
        FmdClient client = client();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(20, ChronoUnit.HOURS);
        long seeding = System.nanoTime();
        HttpResponse<String> seed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.url(
                "tiny/export-probe/requests?endpoint=" + ENDPOINT + "&count=" + MILLION + "&firstId=2000000000&from="
                + start + "&stepMs=50"))).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, seed.statusCode(), seed.body());
        assertEquals(MILLION, json(seed.body()).getInt("inserted"));
        long downloading = System.nanoTime();
        seeding = downloading - seeding;

        HttpResponse<String> sampling = client.post("tiny/export-probe/heap/start");
        assertEquals(200, sampling.statusCode(), sampling.body());
        long lines = 0;
        String first = null;
        String last = null;
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.url("monitoring/export?what=requests&from="
                + start + "&to=" + start.plus(14, ChronoUnit.HOURS)))).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofMinutes(5)).build();
        HttpResponse<InputStream> download = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, download.statusCode());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(download.body(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                if (lines == 2) {
                    first = line;
                }
                last = line;
            }
        }
        downloading = System.nanoTime() - downloading;
        JsonObject heap = json(client.get("tiny/export-probe/heap/stop").body());
        long grown = heap.getJsonNumber("peak").longValue() - heap.getJsonNumber("baseline").longValue();
        System.out.println("export of " + MILLION + " requests: live heap " + (heap.getJsonNumber("baseline")
                .longValue() >> 20) + " MB before, at most " + (heap.getJsonNumber("peak").longValue() >> 20)
                + " MB during (" + heap.getInt("samples") + " samples); seeded in " + seeding / 1_000_000
                + " ms, downloaded in " + downloading / 1_000_000 + " ms");

        assertEquals(MILLION + 1, lines, "header and every request");
        assertTrue(first.startsWith("2000000000," + start + ",EchoResource.echo,GET,/tiny/echo,0,200,v1,user-0,"), first);
        assertTrue(last.startsWith("2000999999,"), last);
        assertTrue(heap.getInt("samples") >= 3, "the heap was sampled during the download: " + heap);
        assertTrue(grown < HEAP_BOUND, "the export held " + (grown >> 20) + " MB of live heap: " + heap);
    }

    @Test
    @Order(6)
    void theConfigurationPageShowsTheTablesRows() {
        FmdClient admin = client();
        String page = admin.page("monitoring/configuration.xhtml").body();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<code>" + PREFIX.toLowerCase(java.util.Locale
                .ROOT) + "request</code></td>\\s*<td class=\"fmd-num table-rows\">([^<]*)</td>",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(page);
        assertTrue(row.find(), page);
        String rows = row.group(1).replace(",", "").replace("≈", "").trim();
        if (Database.current() == Database.DEFAULT) {
            assertEquals(String.valueOf(MILLION + 5), rows, "exact on H2: the million, the known four, the echo");
        } else {
            assertTrue(row.group(1).startsWith("≈") && Long.parseLong(rows) > 0, row.group(1));
        }
        assertFalse(page.contains(TOKEN), "the token is masked");
    }

    private static String stamp(Instant time) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(time);
    }

    private static String path(FmdClient client, String path) {
        return URI.create(client.url(path)).getPath().substring(1);
    }

    private static JsonArray json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
