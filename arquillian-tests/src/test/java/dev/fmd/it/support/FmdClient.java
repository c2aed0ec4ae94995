package dev.fmd.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Talks to a deployed test WAR over 127.0.0.1 only (whatever host Arquillian reports), as a user would: plain HTTP
 * calls, and the rows fmd stored, read through the WAR's {@link FmdRowsProbe}.
 */
public final class FmdClient {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(15);
    /** The day rollups are written every 5 s: on a busy machine a few rounds may pass. */
    private static final Duration ROLLUPS_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new java.net.CookieManager()).build();
    private final String base;
    private final String probe;

    /**
     * @param deployment      the URL Arquillian injected: only its port and context path are used
     * @param applicationPath the application's {@code @ApplicationPath}, under which the probe answers
     */
    public FmdClient(URL deployment, String applicationPath) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        this.base = "http://127.0.0.1:" + deployment.getPort() + path;
        this.probe = applicationPath + "/fmd-probe/";
    }

    /** @return the path of the test probe in the application, e.g. {@code api/fmd-probe/} */
    public String probe() {
        return probe;
    }

    /** @return the URL of a path of the application, on 127.0.0.1 */
    public String url(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    /**
     * @param method  HTTP method
     * @param path    path under the context root, e.g. {@code api/products}
     * @param headers name, value, name, value, ...
     * @return the response
     */
    public HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET. */
    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    /** POST without a body. */
    public HttpResponse<String> post(String path, String... headers) {
        return send("POST", path, headers);
    }

    /**
     * GETs a dashboard page as its admin: when the answer is the login form, logs in there with
     * {@link TestWars#ADMIN_PASSWORD} (this client keeps the session cookie) and GETs the page again.
     *
     * @param path a dashboard page, e.g. {@code fmd} or {@code fmd/graphs.xhtml}
     * @return the page
     */
    public HttpResponse<String> page(String path) {
        HttpResponse<String> page = get(path);
        if (page.uri().getPath().endsWith("/login")) {
            HttpResponse<String> login = postForm(page.uri().getPath().substring(1), "username", "admin",
                    "password", TestWars.ADMIN_PASSWORD);
            if (login.statusCode() != 200 || login.uri().getPath().endsWith("/login")) {
                throw new AssertionError("the dashboard's login failed: " + login.statusCode() + " " + login.body());
            }
            page = get(path);
        }
        return page;
    }

    /**
     * POSTs a form.
     *
     * @param path   path under the server's root, e.g. {@code fmd/login} (a context root's path included)
     * @param fields name, value, name, value, ...
     * @return the response, after redirects
     */
    public HttpResponse<String> postForm(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(fields[i],
                    java.nio.charset.StandardCharsets.UTF_8)).append('=').append(java.net.URLEncoder.encode(
                    fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        URI uri = URI.create(base).resolve("/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST " + path + " failed: " + e, e);
        }
    }

    /**
     * PUT with a JSON body.
     *
     * @param path    path under the context root
     * @param json    the body
     * @param headers name, value, name, value, ...
     * @return the response
     */
    public HttpResponse<String> putJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("PUT " + path + " failed: " + e, e);
        }
    }

    /** POST with a JSON body. */
    public HttpResponse<String> postJson(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST " + path + " failed: " + e, e);
        }
    }

    /**
     * @param path        path under the context root
     * @param contentType the body's type, or null for none
     * @param body        the body
     * @param headers     name, value, name, value, ...
     * @return the response; null when the server closed the connection before answering (a body it refused
     *         unread)
     */
    public HttpResponse<String> postBody(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * @param table {@code test_run}, {@code test_result} or {@code test_endpoint}
     * @return its rows, in id order ({@code test_endpoint}'s with {@code endpoint_name})
     */
    public List<JsonObject> testRows(String table) {
        return probe(probe + "test-rows?table=" + table);
    }

    /** @return the rows of a Testmonitor table ({@link #testRows}) once they meet the condition */
    public List<JsonObject> awaitTestRows(String table, Predicate<List<JsonObject>> condition) {
        return await(() -> testRows(table), condition, "rows of " + table);
    }

    /** @return the JSON object a GET of the path answers with 200 */
    public JsonObject json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** @return the rows of fmd's endpoint table */
    public List<JsonObject> endpointRows() {
        return probe(probe + "endpoints");
    }

    /** @return the request rows of the endpoint with this name */
    public List<JsonObject> requestRows(String endpoint) {
        return probe(probe + "requests?endpoint=" + java.net.URLEncoder.encode(endpoint,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Waits until the endpoint's request rows satisfy the condition (fmd writes off the request thread).
     *
     * @return the rows that satisfied it
     * @throws AssertionError with the last rows seen when they never did
     */
    public List<JsonObject> awaitRequestRows(String endpoint, Predicate<List<JsonObject>> condition) {
        return await(() -> requestRows(endpoint), condition, "request rows of " + endpoint);
    }

    /** @return the stack lines of the endpoint's requests, with their code lines */
    public List<JsonObject> stackLines(String endpoint) {
        return probe(probe + "stack-lines?endpoint=" + java.net.URLEncoder.encode(endpoint,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @return the outlier rows of the endpoint */
    public List<JsonObject> outlierRows(String endpoint) {
        return probe(probe + "outliers?endpoint=" + java.net.URLEncoder.encode(endpoint,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Waits until the endpoint's stack lines satisfy the condition. */
    public List<JsonObject> awaitStackLines(String endpoint, Predicate<List<JsonObject>> condition) {
        return await(() -> stackLines(endpoint), condition, "stack lines of " + endpoint);
    }

    /** Waits until the endpoint's outliers satisfy the condition. */
    public List<JsonObject> awaitOutliers(String endpoint, Predicate<List<JsonObject>> condition) {
        return await(() -> outlierRows(endpoint), condition, "outliers of " + endpoint);
    }

    /** Waits until the endpoint rows satisfy the condition. */
    public List<JsonObject> awaitEndpointRows(Predicate<List<JsonObject>> condition) {
        return await(this::endpointRows, condition, "endpoint rows");
    }

    /**
     * Waits until every rollup table counts the stored requests (the day tables lag the request rows by a few
     * seconds).
     *
     * @param requests how many request rows there must be, and how many requests each rollup table must count
     * @throws AssertionError with the last counts seen when they never did
     */
    public void awaitRollups(long requests) {
        Map<String, Long> expected = Map.of("request", requests, "rollup", requests, "rollup_day", requests,
                "rollup_dimension", 2 * requests, "rollup_status", requests);
        await(() -> probe(probe + "rollup-hits"), rows -> expected.equals(rows.stream().collect(
                Collectors.toMap(r -> text(r, "counted"), r -> (long) number(r, "hits")))),
                "every rollup table to count " + requests + " requests", ROLLUPS_TIMEOUT);
    }

    /** Waits until the hourly and daily rollups count every request stored so far (the graphs page reads them). */
    public void awaitRollupsOfEveryRequest() {
        await(() -> probe(probe + "rollup-hits"), rows -> {
            Map<String, Long> counts = rows.stream().collect(Collectors.toMap(r -> text(r, "counted"),
                    r -> (long) number(r, "hits")));
            return counts.get("request").equals(counts.get("rollup"))
                    && counts.get("request").equals(counts.get("rollup_day"));
        }, "the hourly and daily rollups to count every stored request", ROLLUPS_TIMEOUT);
    }

    private List<JsonObject> await(java.util.function.Supplier<List<JsonObject>> rows,
                                   Predicate<List<JsonObject>> condition, String what) {
        return await(rows, condition, what, ROWS_TIMEOUT);
    }

    private List<JsonObject> await(java.util.function.Supplier<List<JsonObject>> rows,
                                   Predicate<List<JsonObject>> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> last = List.of();
        AssertionError lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = rows.get();
                lastError = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (AssertionError e) {
                lastError = e;
            }
            sleep(200);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                + "; last seen: " + (lastError != null ? lastError.getMessage() : last));
    }

    /** @return the JSON array of objects a GET of the path answers with 200 */
    public List<JsonObject> jsonArray(String path) {
        return probe(path);
    }

    private List<JsonObject> probe(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonArray array = Json.createReader(new StringReader(response.body())).readArray();
        return array.stream().map(JsonValue::asJsonObject).toList();
    }

    /**
     * @param endpoint an endpoint's name
     * @return {@code {request rows, hits counted by its hourly rollups}}
     */
    public long[] requestCount(String endpoint) {
        JsonObject row = probe(probe + "request-count?endpoint=" + java.net.URLEncoder.encode(endpoint,
                java.nio.charset.StandardCharsets.UTF_8)).get(0);
        return new long[] {(long) number(row, "requests"), (long) number(row, "rolled_up")};
    }

    /**
     * @param id a figure's element id in the dashboard header: {@code queued}, {@code dropped}, {@code rejected}
     * @return the figure the dashboard shows now
     */
    public long dashboardFigure(String id) {
        HttpResponse<String> page = page("fmd");
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("id=\"" + id + "\">(\\d+)<")
                .matcher(page.body());
        if (page.statusCode() != 200 || !matcher.find()) {
            throw new AssertionError("the dashboard shows no figure '" + id + "': " + page.statusCode());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** @param ms pause */
    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the text of a row's column, or null */
    public static String text(JsonObject row, String column) {
        JsonValue value = row.get(column);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : value.getValueType() == JsonValue.ValueType.STRING ? row.getString(column) : value.toString();
    }

    /** @return a row's numeric column */
    public static double number(JsonObject row, String column) {
        return row.getJsonNumber(column).doubleValue();
    }
}
