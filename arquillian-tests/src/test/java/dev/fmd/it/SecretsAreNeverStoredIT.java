package dev.fmd.it;

import dev.fmd.it.secrets.SecretsApplication;
import dev.fmd.it.secrets.SecretsResource;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.support.TinyApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One secret, new at every run, sent in every place a client can put one: headers ({@code Authorization},
 * {@code X-Api-Key}, {@code X-Session-Id}, a {@code Referer} URL), a cookie, query parameters (value and name), form
 * parameters (value and name), path segments ({@code /reset/SECRET}, {@code /token/SECRET}), matrix parameters
 * ({@code ;jsessionid=}, {@code ;token=}), a JSON body (field name and value), and a path no resource matches; every
 * request but the warm-ups is an outlier of a level-3 endpoint, so that its whole context is stored. Then no table of
 * fmd's, in any column, no outlier's page of the dashboard, and no line of the server's log holds the secret.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsAreNeverStoredIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String SECRET = randomToken();
    private static final List<String> ENDPOINTS = List.of("SecretsResource.echo", "SecretsResource.form",
            "SecretsResource.json", "SecretsResource.reset", "SecretsResource.token");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive secrets() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "secrets.war")
                .addPackage(SecretsApplication.class.getPackage());
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.monitor-level", "3",
                "fmd.outlier-warmup", String.valueOf(SecretsResource.WARM_UPS), "fmd.outlier-detection-constant", "2"),
                PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    /**
     * @return 32 random letters and digits, a digit, a lower-case and an upper-case letter in turn: a token of the
     *         shape real ones have, at every run
     */
    private static String randomToken() {
        String[] classes = {"0123456789", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"};
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            String from = classes[i % 3];
            token.append(from.charAt(random.nextInt(from.length())));
        }
        return token.toString();
    }

    @Test
    void aSecretSentEverywhereIsInNoTableNoPageAndNoLogLine() throws Exception {
        FmdClient client = new FmdClient(deployment, "api");
        client.endpointRows(); // the application's first request, which is slow, is not one of the endpoints'
        for (int round = 0; round <= SecretsResource.WARM_UPS; round++) {
            String secret = round < SecretsResource.WARM_UPS ? "warm" : SECRET;
            assertEquals(200, send(client, "GET", "api/echo;jsessionid=" + secret + ";token=" + secret
                            + "?access_token=" + secret + "&page=2&" + secret + "=1", null, null,
                    "Authorization", "Bearer " + secret, "X-Api-Key", secret, "X-Session-Id", secret,
                    "Cookie", "JSESSIONID=" + secret + "; theme=" + secret,
                    "Referer", client.url("api/reset/" + secret + "?token=" + secret), "X-Marker", "visible"));
            assertEquals(200, send(client, "POST", "api/form", "application/x-www-form-urlencoded",
                    "password=" + secret + "&note=" + secret + "&" + secret + "=1&page=3"));
            assertEquals(200, send(client, "POST", "api/json", "application/json",
                    "{\"" + secret + "\": 1, \"value\": \"" + secret + "\"}"));
            assertEquals(200, send(client, "GET", "api/reset/" + secret, null, null));
            assertEquals(200, send(client, "GET", "api/token/" + secret, null, null));
        }
        assertEquals(404, send(client, "GET", "api/nothing/" + SECRET, null, null));
        for (String endpoint : ENDPOINTS) {
            client.awaitOutliers(endpoint, rows -> rows.size() == 1);
        }
        client.awaitRollupsOfEveryRequest();

        JsonObject echo = client.outlierRows("SecretsResource.echo").get(0);
        // Payara's request URL leaves matrix parameters out (RedactorTest covers them where a server keeps them)
        assertTrue(text(echo, "request_url").contains("/api/echo"), echo.toString());
        assertTrue(text(echo, "query_params").contains("page=2"), "what is no secret is stored: " + echo);
        assertTrue(text(echo, "request_headers").toLowerCase(Locale.ROOT).contains("x-marker: visible"),
                echo.toString());
        JsonObject form = client.outlierRows("SecretsResource.form").get(0);
        assertTrue(text(form, "form_params").contains("page=3"), form.toString());

        JsonObject stored = Json.createReader(new StringReader(send(client, "api/stored-text", SECRET).body()))
                .readObject();
        assertTrue(stored.getJsonArray("tables").size() >= 10, "every fmd table is searched: " + stored);
        assertTrue(stored.getJsonNumber("rows").longValue() >= 10 + 5, "rows searched: " + stored);
        assertEquals(List.of(), stored.getJsonArray("hits").getValuesAs(JsonString::getString),
                "columns holding the secret " + SECRET);

        for (String endpoint : ENDPOINTS) {
            JsonObject outlier = client.outlierRows(endpoint).get(0);
            HttpResponse<String> page = client.page("fmd/outliers.xhtml?id=" + (long) number(outlier, "endpoint_id")
                    + "&o=" + (long) number(outlier, "id"));
            assertTrue(page.statusCode() == 200 && page.body().contains(text(outlier, "request_url")),
                    endpoint + "'s outlier page shows its context: " + page.statusCode());
            assertFalse(page.body().contains(SECRET), endpoint + "'s outlier page shows the secret " + SECRET);
        }

        FmdClient.sleep(500); // Payara writes its log a little after the fact
        assertTrue(TinyApp.serverLogContains("secrets"), "the server's log is read");
        assertEquals(0, TinyApp.serverLogCount(SECRET), "lines of the server's log holding the secret " + SECRET);
        JsonObject reset = client.outlierRows("SecretsResource.reset").get(0);
        assertTrue(text(reset, "request_url").endsWith("/api/reset/[redacted]"), reset.toString());
    }

    /** @return the status of a request with the given body and headers (name, value, ...) */
    private int send(FmdClient client, String method, String path, String contentType, String body,
                     String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> send(FmdClient client, String path, String text) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(client.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
