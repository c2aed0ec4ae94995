package dev.fmd.it.security;

import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.support.TinyApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends a few thousand random and malformed requests to every address of the dashboard, its JSON API, the export
 * and the metrics, as the admin (session and CSRF token), a read-only guest, a stranger and a script with the admin
 * token: bad ids, huge and negative numbers, wrong windows and cursors, wrong methods and content types, broken JSON,
 * 1 MB headers, path traversal and random bytes. Every answer must be a 4xx (or a 2xx/3xx where the input was
 * valid), never a 5xx, and no error body may show a stack trace, an exception or a database message; afterwards
 * fmd's stored rows are unchanged (counts and checksums: the valid level changes set each level to what it was, and
 * none of these requests is a JAX-RS request, so none is recorded) and the server still serves.
 * <p>
 * The random seed is printed and in every failure message; {@code -Dfmd.fuzz.seed=N} replays a run,
 * {@code -Dfmd.fuzz.requests=N} changes its length.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardFuzzIT {

    private static final String TOKEN = "fuzz-admin-token-0123456789";
    private static final String METRICS_TOKEN = "fuzz-metrics-token-0123456789";
    private static final String GUEST_PASSWORD = "fuzz-guest-password";
    private static final long SEED = Long.getLong("fmd.fuzz.seed", new SecureRandom().nextLong());
    private static final int REQUESTS = Integer.getInteger("fmd.fuzz.requests", 3000);
    private static final List<String> PAGES = List.of("index.xhtml", "graphs.xhtml", "endpoint.xhtml",
            "profiler.xhtml", "grouped.xhtml", "outliers.xhtml", "rules.xhtml", "configuration.xhtml", "export.xhtml",
            "testmonitor.xhtml", "endpoint-tests.xhtml");
    private static final List<String> ASSETS = List.of("fmd.css", "fmd-charts.js", "fmd-rules.js", "fmd-tree.js",
            "echarts-LICENSE.txt");
    /** What no error answer may show: a trace, an exception, a database's words. */
    private static final Pattern LEAK = Pattern.compile("(?i)exception|\\bat (java|jakarta|dev|org|com|sun)\\.|"
            + "\\.java:\\d|sqlstate|org\\.h2|jdbc|eclipselink|caused by|stack ?trace");
    /** What no answer may show: a file of the WAR, or of the server's disk. */
    private static final Pattern FILE = Pattern.compile("<web-app|<web-fragment|<ui:composition|<faces-config|"
            + "root:x:0|PK\u0003\u0004");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final List<String> BAD_NUMBERS = List.of("abc", "--1", "1-", "1e3", "1.5", "99999999999999999999",
            "9223372036854775808", " 1", "0x10", "1;DROP TABLE fmd_endpoint", "%00", "../../etc/passwd", "１２",
            "<script>alert(1)</script>", "1 OR 1=1", "NaN", "Infinity", "+1", "1_2", "null", "\u0000");

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive war() {
        return TinyApp.war(Map.of("fmd.admin-token", TOKEN, "fmd.metrics-token", METRICS_TOKEN,
                "fmd.guest-password", GUEST_PASSWORD, "fmd.trusted-proxies", "127.0.0.1"),
                TestWars.uniquePrefix()).addClass(TableChecksums.class);
    }

    /** Who sends a request. */
    private enum Who { ADMIN, GUEST, STRANGER, SCRIPT }

    /** What the answer must be. */
    private enum Expect {
        /** 2xx or 3xx */
        VALID,
        /** 4xx, or a redirect to the login form */
        INVALID,
        /** anything but a 5xx */
        NO_SERVER_ERROR
    }

    /** One fuzz request. */
    private record Case(Who who, String method, String path, Map<String, String> headers, byte[] body,
                        Expect expect) {

        String describe() {
            return who + " " + method + " " + shorten(path) + " " + headers.entrySet().stream()
                    .map(e -> e.getKey() + ": " + shorten(e.getValue())).collect(Collectors.joining(", "))
                    + (body == null ? "" : " body " + shorten(new String(body, StandardCharsets.UTF_8)))
                    + " (expected " + expect + ")";
        }
    }

    private final Random random = new Random(SEED);
    private final Map<Who, Caller> callers = new TreeMap<>();
    private final List<Caller> strangers = new ArrayList<>();
    private String context;
    private String csrfAdmin;
    private String csrfGuest;
    private List<JsonObject> endpoints;

    @Test
    void thousandsOfMalformedRequestsGetFourHundredsChangeNoRowAndTheServerStillServes() throws Exception {
        System.out.println("DashboardFuzzIT seed: " + SEED + " (-Dfmd.fuzz.seed=" + SEED + " replays this run)");
        FmdClient app = new FmdClient(deployment, "tiny");
        context = new Caller(deployment, "10.1.0.9").contextPath();
        seed(app);
        String before = stableChecksums(app);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<Who, Case> previous = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Case c = next();
            String failure = i % 100 == 99 ? raw() : send(c, statuses);
            if (failure != null) {
                failures.add("#" + i + " " + failure + (previous.containsKey(c.who()) ? "\n    after "
                        + previous.get(c.who()).describe() : ""));
            }
            previous.put(c.who(), c);
        }
        System.out.println("DashboardFuzzIT answers by status: " + statuses);
        assertTrue(failures.isEmpty(), "seed " + SEED + ": " + failures.size() + " of " + REQUESTS
                + " requests were answered wrongly, e.g.:\n" + String.join("\n",
                failures.subList(0, Math.min(15, failures.size()))));

        assertEquals(before, checksums(app), "seed " + SEED + ": fmd's stored rows changed");
        HttpResponse<String> page = send(Who.ADMIN, "GET", "fmd/index.xhtml");
        assertEquals(200, page.statusCode(), "seed " + SEED + ": the dashboard still serves");
        assertTrue(page.body().contains("EchoResource"), "with its data");
        assertEquals(200, send(Who.SCRIPT, "GET", "fmd/api/endpoints").statusCode(), "the API still serves");
        assertEquals(200, app.get("tiny/echo").statusCode(), "the application still serves");
    }

    // ---- setup ----

    private void seed(FmdClient app) throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, app.get("tiny/echo").statusCode());
            app.get("tiny/status/404");
        }
        app.get("tiny/status/fail");
        app.awaitEndpointRows(rows -> rows.size() >= 3);
        app.awaitRollupsOfEveryRequest();
        callers.put(Who.ADMIN, new Caller(deployment, "10.1.0.1"));
        callers.put(Who.GUEST, new Caller(deployment, "10.1.0.2"));
        callers.put(Who.SCRIPT, new Caller(deployment, "10.1.0.4"));
        for (int i = 0; i < 4; i++) {
            strangers.add(new Caller(deployment, "10.2.0." + i));
        }
        csrfAdmin = callers.get(Who.ADMIN).login("admin", TestWars.ADMIN_PASSWORD);
        csrfGuest = callers.get(Who.GUEST).login("guest", GUEST_PASSWORD);
        HttpResponse<String> list = send(Who.SCRIPT, "GET", "fmd/api/endpoints");
        assertEquals(200, list.statusCode(), list.body());
        endpoints = Json.createReader(new StringReader(list.body())).readArray().getValuesAs(JsonObject.class);
        assertTrue(endpoints.size() >= 3, list.body());
    }

    /** @return the checksums once two reads 6 s apart agree (the writer's rollups of the seed are done) */
    private String stableChecksums(FmdClient app) throws InterruptedException {
        String last = checksums(app);
        for (int i = 0; i < 10; i++) {
            Thread.sleep(6000);
            String now = checksums(app);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("fmd's rows never settled: " + last);
    }

    private static String checksums(FmdClient app) {
        HttpResponse<String> sums = app.get("tiny/fmd-checksums");
        assertEquals(200, sums.statusCode(), sums.body());
        return sums.body();
    }

    // ---- sending ----

    private HttpResponse<String> send(Who who, String method, String path) throws Exception {
        return send(new Case(who, method, path, Map.of(), null, Expect.VALID));
    }

    private HttpResponse<String> send(Case c) throws IOException {
        Caller caller = c.who() == Who.STRANGER ? strangers.get(random.nextInt(strangers.size())) : callers.get(c.who());
        List<String> headers = new ArrayList<>();
        if (c.who() == Who.SCRIPT) {
            headers.addAll(List.of("Authorization", "Bearer " + (c.path().startsWith("fmd/metrics") ? METRICS_TOKEN
                    : TOKEN)));
        }
        c.headers().forEach((name, value) -> headers.addAll(List.of(name, value)));
        return caller.send(c.method(), c.path(), c.body(), headers.toArray(String[]::new));
    }

    /** @return what was wrong with the answer, or null */
    private String send(Case c, Map<String, Integer> statuses) {
        HttpResponse<String> response;
        try {
            response = send(c);
        } catch (IOException | IllegalArgumentException e) {
            return c.expect() == Expect.VALID ? c.describe() + ": no answer: " + e : null;
        }
        int status = response.statusCode();
        statuses.merge(status / 100 + "xx", 1, Integer::sum);
        String body = response.body();
        String location = response.headers().firstValue("Location").orElse("");
        boolean toLogin = status / 100 == 3 && location.contains("/fmd/login");
        boolean ok = switch (c.expect()) {
            case VALID -> status >= 200 && status < 400;
            case INVALID -> status >= 400 && status < 500 || toLogin;
            case NO_SERVER_ERROR -> status < 500;
        };
        if (!ok) {
            return c.describe() + ": answered " + status + " " + shorten(body);
        }
        if (status >= 300 && LEAK.matcher(body).find()) {
            return c.describe() + ": the error shows " + shorten(LEAK.matcher(body).results().findFirst()
                    .map(m -> body.substring(Math.max(0, m.start() - 60), Math.min(body.length(), m.end() + 60)))
                    .orElse("")) + " in " + status;
        }
        if (FILE.matcher(body).find()) {
            return c.describe() + ": the answer shows a file: " + shorten(body);
        }
        return null;
    }

    // ---- generating ----

    private Case next() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> page();
            case 3 -> postback();
            case 4 -> apiGet();
            case 5, 6 -> apiPut();
            case 7 -> export();
            case 8 -> metrics();
            case 9 -> loginOrLogout();
            case 10 -> assetOrHome();
            default -> wrongMethod();
        };
    }

    private Who anyone() {
        return Who.values()[random.nextInt(Who.values().length)];
    }

    private Case page() {
        Who who = anyone();
        boolean valid = true;
        StringBuilder query = new StringBuilder();
        for (String name : List.of("id", "r", "o", "w", "before", "i", "v", "vs", "test", "junk")) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            boolean good = random.nextInt(3) != 0;
            valid &= good || name.equals("junk");
            String value = switch (name) {
                case "id", "r", "o" -> good ? anId() : pick(BAD_NUMBERS);
                case "w" -> good ? pick(List.of("1h", "24h", "7d", "30d", "90d")) : pick(List.of("2h", "custom ",
                        "7D", "-1", "90d;", "∞", "7d\u0000"));
                case "before" -> good ? Instant.ofEpochSecond(random.nextInt(2_000_000_000)) + "_" + anId()
                        : pick(List.of("x", "_1", "2026-12-01T00:00:00Z_", "2026-12-01T00:00:00Z_1-",
                        "2026-13-01T00:00:00Z_1", "+999999999-12-31T23:59:59Z_1", "1969-12-31T23:59:59Z_1",
                        "2026-12-01T00:00:00Z_99999999999999999999", "a".repeat(200)));
                case "i", "v", "vs" -> good ? "v" + random.nextInt(100) : "x".repeat(201 + random.nextInt(3000));
                case "test" -> good ? pick(List.of("com.acme.OrderIT#places", "<script>\"'&#", "a#b#c", "é\u0000"))
                        : "x".repeat(501 + random.nextInt(3000));
                default -> good ? "whatever" : "<script>\"'&";
            };
            query.append('&').append(name).append('=').append(encode(value));
        }
        if (random.nextInt(6) == 0) {
            boolean good = random.nextBoolean();
            valid &= good;
            query.append("&w=custom").append(good ? customWindow() : badCustomWindow());
        }
        if (random.nextInt(40) == 0) {
            valid = false;
            query.append("&id=%zz");
        }
        String path = "fmd/" + pick(PAGES) + (query.length() == 0 ? "" : "?" + query.substring(1));
        Expect expect = who == Who.ADMIN || who == Who.GUEST ? valid ? Expect.VALID : Expect.INVALID
                : Expect.INVALID;
        return new Case(who, random.nextInt(8) == 0 ? "HEAD" : "GET", path, Map.of(), null, expect);
    }

    private String customWindow() {
        LocalDateTime from = LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(random.nextInt(500_000));
        LocalDateTime to = from.plusMinutes(1 + random.nextInt(1_000_000));
        return "&from=" + encode(INPUT.format(from)) + "&to=" + encode(INPUT.format(to));
    }

    private String badCustomWindow() {
        return pick(List.of("", "&from=2026-12-01T10:00", "&to=2026-12-01T10:00",
                "&from=2026-12-02T10:00&to=2026-12-01T10:00", "&from=2026-12-01T10:00&to=2026-12-01T10:00",
                "&from=1969-12-31T10:00&to=2026-12-01T10:00", "&from=2000-01-01T00:00&to=2026-12-01T10:00",
                "&from=0000-01-01T00:00&to=9999-12-31T23:59", "&from=2026-02-30T10:00&to=2026-12-01T10:00",
                "&from=2026-12-01&to=2026-12-02", "&from=2026-12-01T10:00:00Z&to=2026-12-02T10:00:00Z",
                "&from=x&to=y", "&from=" + "9".repeat(100) + "&to=1"));
    }

    /** A Faces postback with junk: no state changes, whatever Faces makes of it. */
    private Case postback() {
        String body = pick(List.of("", "overview=overview", "overview=overview&jakarta.faces.ViewState=garbage",
                "jakarta.faces.ViewState=" + "A".repeat(5000), "jakarta.faces.partial.ajax=true&"
                        + "jakarta.faces.source=overview:endpoints&jakarta.faces.partial.execute=@all&"
                        + "jakarta.faces.ViewState=stateless", randomText(200)));
        Map<String, String> headers = random.nextBoolean() ? Map.of("Content-Type",
                "application/x-www-form-urlencoded") : Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Faces-Request", "partial/ajax");
        Who who = anyone();
        return new Case(who, "POST", "fmd/" + pick(PAGES), headers, body.getBytes(StandardCharsets.UTF_8),
                who == Who.STRANGER || who == Who.SCRIPT ? Expect.NO_SERVER_ERROR : Expect.NO_SERVER_ERROR);
    }

    private Case apiGet() {
        Who who = anyone();
        boolean good = random.nextBoolean();
        String path = good ? pick(List.of("fmd/api/endpoints", "fmd/api/endpoints/")) : "fmd/api/endpoints/"
                + pick(List.of("1", "1/level", "x", "../../WEB-INF/web.xml", "%2e%2e", "level",
                // a letter first: a segment that starts with ';' (%3B, which the server decodes) is a matrix
                // parameter of the list's own address, a valid request
                "x" + encode(randomText(20))));
        return new Case(who, "GET", path, Map.of(), null, good && who != Who.STRANGER ? Expect.VALID
                : Expect.INVALID);
    }

    private Case apiPut() {
        Who who = anyone();
        JsonObject endpoint = endpoints.get(random.nextInt(endpoints.size()));
        long id = endpoint.getJsonNumber("id").longValue();
        int level = endpoint.getInt("level");
        boolean bulk = random.nextBoolean();
        String path = bulk ? "fmd/api/endpoints/level" : "fmd/api/endpoints/" + id + "/level";
        String body;
        boolean valid = random.nextInt(4) == 0;
        if (valid) {
            body = bulk ? "{\"level\": " + level + ", \"ids\": [" + id + "]}" : "{\"level\": " + level + "}";
        } else {
            if (random.nextInt(5) == 0) {
                path = "fmd/api/endpoints/" + pick(List.of("99999999", "0", "-1", "1234567890123456789",
                        "abc", id + "/level/x", id + "/levels", "%2e%2e/level", id + "/level;x=1")) + "/level";
            }
            body = badBody(id, level, bulk);
        }
        Map<String, String> headers = new java.util.HashMap<>();
        boolean json = random.nextInt(8) != 0;
        headers.put("Content-Type", json ? pick(List.of("application/json", "application/json; charset=utf-8"))
                : pick(List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data; boundary=x", "application/jsonx", "")));
        valid &= json;
        if (who == Who.ADMIN || who == Who.GUEST) {
            int csrf = random.nextInt(6);
            if (csrf > 0) {
                headers.put("X-Fmd-Csrf", csrf == 1 ? "wrong" : who == Who.ADMIN ? csrfAdmin : csrfGuest);
                valid &= csrf > 1;
            } else {
                valid = false;
            }
        }
        if (who == Who.STRANGER && random.nextBoolean()) {
            headers.put("Authorization", pick(List.of("Bearer wrong", "Bearer " + TOKEN + "x", "Basic YWRtaW46",
                    "Bearer", "bearer  " + asciiText(10), "Bearer " + "x".repeat(5000))));
        }
        headers.values().removeIf(String::isEmpty);
        valid &= who == Who.ADMIN || who == Who.SCRIPT;
        return new Case(who, "PUT", path, headers, body.getBytes(StandardCharsets.UTF_8),
                valid ? Expect.VALID : Expect.INVALID);
    }

    private String badBody(long id, int level, boolean bulk) {
        int other = (level + 1) % 4;
        if (random.nextInt(3) == 0) {
            // numbers that a careless conversion (int or long overflow) turns into a valid level or id
            java.math.BigInteger wrap = java.math.BigInteger.ONE.shiftLeft(random.nextBoolean() ? 32 : 64);
            String level2 = wrap.add(java.math.BigInteger.valueOf(other)).toString();
            String id2 = java.math.BigInteger.ONE.shiftLeft(64).add(java.math.BigInteger.valueOf(id)).toString();
            return pick(List.of("{\"level\": " + level2 + "}", "{\"level\": -" + wrap.subtract(
                    java.math.BigInteger.valueOf(other)) + "}", "{\"level\": " + other + ", \"ids\": [" + id2 + "]}",
                    "{\"level\": " + other + ".0000000001}", "{\"level\": " + (other + 4) + "}"));
        }
        return pick(List.of("", "{", "}", "[]", "null", "3", "\"level\"", "{\"level\": }", "{\"level\": 4}",
                "{\"level\": -1}", "{\"level\": " + (4294967296L + other) + "}", "{\"level\": 1.5}",
                "{\"level\": \"" + other + "\"}", "{\"level\": null}", "{\"level\": true}", "{\"level\": [1]}",
                "{\"level\": 1e400}", "{\"level\": " + other + ", \"other\": 1}",
                "{\"level\": " + other + ", \"ids\": []}", "{\"level\": " + other + ", \"ids\": [99999999]}",
                "{\"level\": " + other + ", \"ids\": [" + id + ", 99999999]}",
                "{\"level\": " + other + ", \"ids\": [" + (id + 18446744073709551616.0) + "]}",
                "{\"level\": " + other + ", \"ids\": [\"" + id + "\"]}", "{\"level\": " + other + ", \"ids\": " + id
                        + "}", "{\"level\": " + other + ", \"ids\": [" + id + (bulk ? "" : "]}") + "",
                "{\"ids\": [" + id + "]}", "[".repeat(20_000) + "]".repeat(20_000),
                "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), "{\"level\": " + other + ", \"pad\": \""
                        + "x".repeat(70_000) + "\"}", randomText(300), "\uFEFF{\"level\": " + other + "}",
                "{\"level\": " + other + "} trailing", "{\"level\": " + other + ", \"level\": " + other + "}"));
    }

    private Case export() {
        Who who = anyone();
        boolean valid = true;
        StringBuilder query = new StringBuilder();
        if (random.nextBoolean()) {
            boolean good = random.nextInt(3) != 0;
            valid &= good;
            query.append("&what=").append(encode(good ? pick(List.of("requests", "aggregates", "outliers"))
                    : pick(List.of("users", "REQUESTS", "requests;", randomText(8)))));
        }
        if (random.nextBoolean()) {
            boolean good = random.nextInt(3) != 0;
            valid &= good;
            query.append("&format=").append(encode(good ? pick(List.of("csv", "json")) : pick(List.of("xml",
                    "CSV", "pdf", "../csv"))));
        }
        if (random.nextBoolean()) {
            boolean good = random.nextInt(3) != 0;
            valid &= good;
            query.append(good ? pick(List.of("&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
                    "&from=2026-01-01T00:00&zone=Europe%2FAmsterdam&to=2026-01-02T00:00",
                    "&from=2020-01-01T00:00:00%2B01:00", "&to=2030-01-01T00:00:00Z&instance=node-1"))
                    : pick(List.of("&from=x", "&to=2026-13-01T00:00:00Z", "&from=2026-02-01T00:00:00Z&to="
                            + "2026-01-01T00:00:00Z", "&zone=Mars%2FOlympus", "&zone=..%2F..%2Fetc",
                    "&from=-999999999-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "&to=%2B999999999-12-31T23:59:59Z",
                    "&from=1900-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "&instance=" + "i".repeat(300))));
        }
        Map<String, String> headers = random.nextBoolean() ? Map.of() : Map.of("Accept", "text/html");
        valid &= who == Who.ADMIN || who == Who.SCRIPT;
        return new Case(who, random.nextInt(6) == 0 ? "HEAD" : "GET", "fmd/export" + (query.length() == 0 ? ""
                : "?" + query.substring(1)), headers, null, valid ? Expect.VALID : Expect.INVALID);
    }

    private Case metrics() {
        Who who = anyone();
        Map<String, String> headers = new java.util.HashMap<>();
        if (random.nextBoolean()) {
            headers.put("Accept", pick(List.of("text/plain", "application/openmetrics-text; version=1.0.0",
                    "*/*", "application/json", "text/plain;q=abc", asciiText(30), "x".repeat(4000))));
        }
        if (who == Who.STRANGER && random.nextBoolean()) {
            headers.put("Authorization", "Bearer " + pick(List.of(TOKEN, "wrong", METRICS_TOKEN + " ")));
        }
        return new Case(who, "GET", "fmd/metrics" + pick(List.of("", "?name=x", "?" + encode(randomText(10)))), headers,
                null, who == Who.SCRIPT ? Expect.VALID : Expect.NO_SERVER_ERROR);
    }

    private Case loginOrLogout() {
        Who who = anyone();
        switch (random.nextInt(4)) {
            case 0:
                return new Case(who, "GET", "fmd/login?next=" + encode(pick(List.of("//evil.example/",
                        "https://evil.example/", "/fmd/index.xhtml", "javascript:alert(1)", "\r\nSet-Cookie: x=1",
                        randomText(30), "x".repeat(3000)))) + pick(List.of("", "&app", "&out")), Map.of(), null,
                        Expect.VALID);
            case 1:
                String form = pick(List.of("", "username=admin", "password=x", "username=admin&password=guess",
                        "username=" + "a".repeat(5000) + "&password=x", "username=admin&password=" + "p".repeat(
                                5000), "username=%zz&password=%", randomText(100), "username=guest&password="
                                + GUEST_PASSWORD + "x"));
                return new Case(Who.STRANGER, "POST", "fmd/login", Map.of("Content-Type",
                        pick(List.of("application/x-www-form-urlencoded", "text/plain", "application/json"))),
                        form.getBytes(StandardCharsets.UTF_8), Expect.INVALID);
            case 2:
                return new Case(who, pick(List.of("GET", "PUT", "DELETE")), "fmd/logout", Map.of(), null,
                        Expect.INVALID);
            default:
                return new Case(who, "POST", "fmd/logout", Map.of("Content-Type",
                        "application/x-www-form-urlencoded"), pick(List.of("", "fmd-csrf=wrong", "fmd-csrf=",
                        "fmd-csrf=" + (who == Who.GUEST ? csrfAdmin : "x"))).getBytes(StandardCharsets.UTF_8),
                        Expect.INVALID);
        }
    }

    private Case assetOrHome() {
        Who who = anyone();
        if (random.nextInt(4) == 0) {
            return new Case(who, "GET", pick(List.of("fmd", "fmd/")), Map.of(), null, Expect.VALID);
        }
        boolean good = random.nextBoolean();
        return new Case(who, "GET", "fmd/assets/" + (good ? pick(ASSETS) : pick(List.of("", "x.js", ".css",
                "..%2Ffmd-views%2Findex.xhtml", "%2e%2e%2f%2e%2e%2fWEB-INF%2fweb.xml", "fmd.css%00.js",
                "fmd-charts.js/", "FMD.CSS", "fmd.css.map", "..%5C..%5CWEB-INF%5Cweb.xml", "a".repeat(3000) + ".js",
                "%252e%252e%252fweb.xml"))), good ? Map.of() : Map.of("If-None-Match", asciiText(10)), null,
                good ? Expect.VALID : Expect.INVALID);
    }

    private Case wrongMethod() {
        Who who = anyone();
        String method = pick(List.of("DELETE", "PATCH", "POST", "PUT", "TRACE", "OPTIONS", "PROPFIND"));
        String path = pick(List.of("fmd/api/endpoints", "fmd/api/endpoints/1/level", "fmd/export", "fmd/metrics",
                "fmd/assets/fmd.css", "fmd", "fmd/login", "fmd/logout"));
        boolean allowed = method.equals("OPTIONS") || method.equals("POST") && path.endsWith("login")
                || method.equals("POST") && path.endsWith("logout") || method.equals("PUT") && path.endsWith("level");
        // a TRACE must not have a body (RFC 9110): the server would read it as the next request on the connection
        return new Case(who, method, path, Map.of("Content-Type", pick(List.of("application/json", "text/plain"))),
                method.equals("TRACE") ? null : randomText(50).getBytes(StandardCharsets.UTF_8),
                allowed ? Expect.NO_SERVER_ERROR : Expect.INVALID);
    }

    // ---- raw requests: what an HTTP client library would not send ----

    /** @return what was wrong with the answer to one raw request, or null */
    private String raw() {
        String host = "Host: 127.0.0.1:" + deployment.getPort() + "\r\n";
        String big = "a".repeat(1024 * 1024);
        List<Supplier<byte[]>> requests = List.of(
            () -> ("GET " + context + "fmd/index.xhtml HTTP/1.1\r\n" + host + "X-Big: " + big + "\r\n\r\n").getBytes(
                    StandardCharsets.ISO_8859_1),
            () -> ("GET " + context + "fmd/api/endpoints HTTP/1.1\r\n" + host + "Authorization: Bearer " + big
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
            () -> ("GET " + context + "fmd/login?" + big + " HTTP/1.1\r\n" + host + "\r\n").getBytes(
                    StandardCharsets.ISO_8859_1),
            () -> ("GET " + pick(List.of(context + "fmd/../WEB-INF/web.xml", context + "fmd/%2e%2e/WEB-INF/web.xml",
                    context + "fmd/assets/../../WEB-INF/web.xml", context + "fmd/assets/..%2f..%2fWEB-INF%2fweb.xml",
                    context + "fmd/..;/WEB-INF/web.xml", context + "fmd/assets/..\\..\\WEB-INF\\web.xml",
                    context + "fmd/index.xhtml/../../WEB-INF/web.xml", context + "WEB-INF/lib/fmd-cdi.jar",
                    context + "META-INF/fmd-views/index.xhtml", context + "fmd/_layout.xhtml",
                    context + "fmd/jakarta.faces.resource/../../WEB-INF/web.xml", "/../" + context + "WEB-INF/web.xml",
                    context + "fmd/assets/%c0%ae%c0%ae/WEB-INF/web.xml", context + "fmd/faces/index.xhtml",
                    context + "fmd/index.jsf", context + "faces/fmd/index.xhtml"))
                    + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
            () -> {
                byte[] junk = new byte[1 + random.nextInt(2000)];
                random.nextBytes(junk);
                return junk;
            },
            () -> ("PUT " + context + "fmd/api/endpoints/level HTTP/1.1\r\n" + host + "Authorization: Bearer " + TOKEN
                    + "\r\nX-Forwarded-For: 10.1.0.4\r\nContent-Type: application/json\r\nContent-Length: 999999999"
                    + "\r\nConnection: close\r\n\r\n{\"level\": 1").getBytes(StandardCharsets.ISO_8859_1),
            () -> ("GET " + context + "fmd/api/endpoints HTTP/1.1\r\n" + host + "Authorization: Bearer " + TOKEN
                    + "\r\nX-Forwarded-For: 10.1.0.4\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n"
                    + "Connection: close\r\n\r\nzz\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int which = random.nextInt(requests.size());
        byte[] request = requests.get(which).get();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", deployment.getPort()), 5000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closed) {
                return null; // the server closed the connection on a request too large: fine
            }
            String answer = read(socket.getInputStream());
            if (answer.isEmpty()) {
                return null; // closed without an answer: fine for garbage
            }
            Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(answer);
            String describe = "raw request " + which + " " + shorten(new String(request, 0, Math.min(request.length,
                    120), StandardCharsets.ISO_8859_1));
            if (!status.find()) {
                return describe + ": answered no HTTP status: " + shorten(answer);
            }
            int code = Integer.parseInt(status.group(1));
            boolean toLogin = code / 100 == 3 && answer.contains("/fmd/login");
            if (!(code >= 400 && code < 500 || toLogin || which == requests.size() - 1 && code == 200)) {
                return describe + ": answered " + shorten(answer);
            }
            if (LEAK.matcher(answer).find() || FILE.matcher(answer).find()) {
                return describe + ": the answer shows too much: " + shorten(answer);
            }
            return null;
        } catch (IOException e) {
            return null; // reset by the server
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0 && answer.size() < 200_000; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // what came before the reset is the answer
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    // ---- values ----

    private String anId() {
        return random.nextBoolean() ? String.valueOf(endpoints.get(random.nextInt(endpoints.size())).getJsonNumber(
                "id").longValue()) : String.valueOf(1 + (long) (random.nextDouble() * 999_999_999_999_999_999L));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(5) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    /** @return printable ASCII, as a header value may hold */
    private String asciiText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
