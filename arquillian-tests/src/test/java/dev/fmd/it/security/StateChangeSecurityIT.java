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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state change of fmd's dashboard and API, from the outside: the admin's changes need the session's CSRF token
 * (or the admin token, a header no other site can make a browser send), a guest changes nothing whatever it sends, a
 * login starts a new session id, wrong tokens are throttled like wrong passwords, and a wrong parameter is a 400
 * that names it. Each test claims its own client address, so that the throttle of one does not reach another.
 */
@ExtendWith(ArquillianExtension.class)
class StateChangeSecurityIT {

    private static final String TOKEN = "security-admin-token-0123456789";
    private static final String METRICS_TOKEN = "security-metrics-token-0123456789";
    private static final String GUEST_PASSWORD = "security-guest-password";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @ArquillianResource
    private URL deployment;

    private long endpointId;
    private int level;

    @Deployment(testable = false)
    static WebArchive war() {
        return TinyApp.war(Map.of("fmd.admin-token", TOKEN, "fmd.metrics-token", METRICS_TOKEN,
                "fmd.guest-password", GUEST_PASSWORD, "fmd.trusted-proxies", "127.0.0.1"), TestWars.uniquePrefix());
    }

    @BeforeEach
    void anEndpoint() throws IOException {
        FmdClient app = new FmdClient(deployment, "tiny");
        assertEquals(200, app.get("tiny/echo").statusCode());
        app.awaitEndpointRows(rows -> !rows.isEmpty());
        JsonObject echo = endpoints(script()).stream().filter(e -> e.getString("name").equals("EchoResource.echo"))
                .findFirst().orElseThrow();
        endpointId = echo.getJsonNumber("id").longValue();
        level = echo.getInt("level");
    }

    @Test
    void wrongTokensCountAsFailedLoginsAndTheEleventhTryWaitsWhateverItCarries() throws IOException {
        Caller guesser = caller();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = guesser.get("fmd/api/endpoints", "Authorization", "Bearer guess-" + i);
            assertEquals(401, wrong.statusCode(), "try " + i + ": " + wrong.body());
            assertEquals(401, guesser.get("fmd/metrics", "Authorization", "Bearer guess-" + i).statusCode());
        }
        for (HttpResponse<String> refused : List.of(
                guesser.get("fmd/api/endpoints", "Authorization", "Bearer " + TOKEN),
                guesser.get("fmd/export", "Authorization", "Bearer " + TOKEN),
                guesser.get("fmd/metrics", "Authorization", "Bearer " + METRICS_TOKEN),
                guesser.putJson("fmd/api/endpoints/" + endpointId + "/level", "{\"level\": " + level + "}",
                        "Authorization", "Bearer " + TOKEN),
                guesser.postForm("fmd/login", "username", "admin", "password", TestWars.ADMIN_PASSWORD))) {
            assertEquals(429, refused.statusCode(), refused.uri() + ": even the right token or password waits: "
                    + refused.body());
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: " + retryAfter);
        }
        assertEquals(200, script().get("fmd/api/endpoints", "Authorization", "Bearer " + TOKEN).statusCode(),
                "another address is not held up");
        assertEquals(200, caller().get("fmd/metrics", "Authorization", "Bearer " + METRICS_TOKEN).statusCode());

        Caller nine = caller();
        for (int i = 0; i < 9; i++) {
            assertEquals(401, nine.get("fmd/api/endpoints", "Authorization", "Bearer guess-" + i).statusCode());
        }
        assertEquals(200, nine.get("fmd/api/endpoints", "Authorization", "Bearer " + TOKEN).statusCode(),
                "nine failures a minute are allowed");
        assertEquals(200, caller().get("fmd/api/endpoints", "Authorization", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void aLoginStartsANewSessionIdAndSetsFmdsOwnCookieWithoutWhichTheSessionIsNoLogin() throws IOException {
        Caller user = caller();
        user.login("guest", GUEST_PASSWORD);
        HttpCookie before = user.sessionCookie();
        HttpResponse<String> login = user.postForm("fmd/login", "username", "admin", "password",
                TestWars.ADMIN_PASSWORD);
        assertEquals(302, login.statusCode(), login.body());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        System.out.println("StateChangeSecurityIT: the login's Set-Cookie headers: " + cookies);
        String fmdCookie = cookies.stream().filter(c -> c.startsWith("fmd-login=")).findFirst().orElseThrow();
        for (String flag : List.of("HttpOnly", "SameSite=Lax", "Path=" + user.contextPath() + "fmd")) {
            assertTrue(fmdCookie.contains(flag), flag + " in " + fmdCookie);
        }
        assertFalse(fmdCookie.contains("Secure"), "no Secure over plain HTTP (a browser would then never send it)");
        HttpCookie after = user.sessionCookie();
        assertNotEquals(before.getValue(), after.getValue(), "the login changed the session id");
        String csrf = user.csrf();

        Caller planted = caller();
        planted.useSession(before);
        HttpResponse<String> page = planted.get("fmd/index.xhtml");
        assertEquals(302, page.statusCode(), "the id known before the login is no session any more");
        assertTrue(page.headers().firstValue("Location").orElseThrow().contains("/fmd/login"));

        Caller stolen = caller();
        stolen.useSession(after);
        assertEquals(302, stolen.get("fmd/index.xhtml").statusCode(), "the session id alone is no login");
        assertEquals(401, stolen.putJson("fmd/api/endpoints/" + endpointId + "/level", "{\"level\": " + level
                + "}", "X-Fmd-Csrf", csrf).statusCode(), "and changes nothing, even with the CSRF token");

        assertEquals(200, user.get("fmd/index.xhtml").statusCode(), "the session with fmd's cookie is the admin's");
    }

    @Test
    void everyChangeOfTheAdminsSessionNeedsItsCsrfTokenAndTheLogoutToo() throws IOException {
        Caller admin = caller();
        String csrf = admin.login("admin", TestWars.ADMIN_PASSWORD);
        String guestCsrf = caller().login("guest", GUEST_PASSWORD);
        String path = "fmd/api/endpoints/" + endpointId + "/level";
        int other = (level + 1) % 4;
        for (String[] token : List.of(new String[0], new String[] {"X-Fmd-Csrf", "wrong"},
                new String[] {"X-Fmd-Csrf", guestCsrf}, new String[] {"X-Fmd-Csrf", ""})) {
            HttpResponse<String> refused = admin.putJson(path, "{\"level\": " + other + "}", token);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("CSRF"), refused.body());
        }
        HttpResponse<String> form = admin.send("PUT", path, ("{\"level\": " + other + "}").getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "text/plain", "X-Fmd-Csrf", csrf);
        assertEquals(415, form.statusCode(), "a body a cross-site form could send is no JSON: " + form.body());
        assertEquals(level, levelOf(endpointId), "nothing changed");

        assertEquals(204, admin.putJson(path, "{\"level\": " + other + "}", "X-Fmd-Csrf", csrf).statusCode());
        assertEquals(other, levelOf(endpointId), "with the token the admin changes the level");
        assertEquals(204, admin.putJson(path, "{\"level\": " + level + "}", "X-Fmd-Csrf", csrf).statusCode());

        assertEquals(403, admin.postForm("fmd/logout").statusCode(), "a logout without the token does nothing");
        assertEquals(403, admin.postForm("fmd/logout", "fmd-csrf", "wrong").statusCode());
        assertEquals(405, admin.get("fmd/logout").statusCode(), "a link cannot log out");
        assertEquals(200, admin.get("fmd/index.xhtml").statusCode(), "still logged in");
        HttpResponse<String> logout = admin.postForm("fmd/logout", "fmd-csrf", csrf);
        assertEquals(302, logout.statusCode());
        assertEquals(302, admin.get("fmd/index.xhtml").statusCode(), "logged out");
    }

    @Test
    void aGuestChangesNothingWhateverItSends() throws IOException {
        Caller guest = caller();
        String csrf = guest.login("guest", GUEST_PASSWORD);
        int other = (level + 1) % 4;
        List<HttpResponse<String>> refused = List.of(
                guest.putJson("fmd/api/endpoints/" + endpointId + "/level", "{\"level\": " + other + "}",
                        "X-Fmd-Csrf", csrf),
                guest.putJson("fmd/api/endpoints/level", "{\"level\": " + other + ", \"ids\": [" + endpointId + "]}",
                        "X-Fmd-Csrf", csrf),
                guest.get("fmd/export?what=requests", "X-Fmd-Csrf", csrf));
        for (HttpResponse<String> answer : refused) {
            assertEquals(403, answer.statusCode(), answer.uri() + ": " + answer.body());
            assertTrue(answer.body().contains("read-only guest"), answer.body());
        }
        assertEquals(level, levelOf(endpointId));
        HttpResponse<String> rules = guest.get("fmd/rules.xhtml");
        assertEquals(200, rules.statusCode());
        assertTrue(rules.body().contains("id=\"read-only\""), "the pages say so");
        assertEquals(200, guest.get("fmd/api/endpoints").statusCode(), "a guest reads");
    }

    @Test
    void aWrongParameterOfAPageTheApiOrTheExportIsA400ThatNamesIt() throws IOException {
        Caller admin = caller();
        String csrf = admin.login("admin", TestWars.ADMIN_PASSWORD);
        Map<String, String> pages = Map.of(
                "fmd/endpoint.xhtml?id=abc", "parameter 'id'",
                "fmd/profiler.xhtml?id=1&r=5x", "parameter 'r'",
                "fmd/outliers.xhtml?o=99999999999999999999", "parameter 'o'",
                "fmd/index.xhtml?w=2h", "parameter 'w'",
                "fmd/graphs.xhtml?w=custom&from=2026-12-02T10:00&to=2026-12-01T10:00", "parameter 'from'",
                "fmd/graphs.xhtml?w=custom&from=2000-01-01T00:00&to=2026-12-01T10:00", "parameter 'to'",
                "fmd/endpoint.xhtml?id=1&before=yesterday", "parameter 'before'",
                "fmd/grouped.xhtml?id=1&v=" + "x".repeat(201), "parameter 'v'",
                "fmd/export?what=users", "parameter 'what'",
                "fmd/export?from=1900-01-01T00:00:00Z", "parameter 'from'");
        for (var page : pages.entrySet()) {
            HttpResponse<String> answer = admin.get(page.getKey());
            assertEquals(400, answer.statusCode(), page.getKey() + ": " + answer.body());
            assertTrue(answer.body().contains(page.getValue().replace("'", answer.body().contains("&#39;") ? "&#39;"
                    : "'")), page.getKey() + ": " + answer.body());
        }
        assertEquals(200, admin.get("fmd/endpoint.xhtml?id=99999999").statusCode(), "an id of nothing is no error: "
                + "the page says so");

        String path = "fmd/api/endpoints/" + endpointId + "/level";
        Map<String, String> bodies = Map.of(
                "{\"level\": 4}", "field 'level'",
                "{\"level\": 4294967297}", "field 'level'",
                "{\"level\": \"1\"}", "field 'level'",
                "{\"level\": 1, \"comment\": \"x\"}", "field 'comment'",
                "{\"level\": 1} {}", "body",
                "{\"level\": 1, \"level\": 2}", "body");
        for (var body : bodies.entrySet()) {
            HttpResponse<String> answer = admin.putJson(path, body.getKey(), "X-Fmd-Csrf", csrf);
            assertEquals(400, answer.statusCode(), body.getKey() + ": " + answer.body());
            assertTrue(answer.body().contains(body.getValue()), body.getKey() + ": " + answer.body());
        }
        HttpResponse<String> bulk = admin.putJson("fmd/api/endpoints/level", "{\"level\": " + ((level + 1) % 4)
                + ", \"ids\": [" + endpointId + ", 99999999]}", "X-Fmd-Csrf", csrf);
        assertEquals(404, bulk.statusCode(), bulk.body());
        assertTrue(bulk.body().contains("99999999") && bulk.body().contains("nothing changed"), bulk.body());
        assertEquals(level, levelOf(endpointId), "no level changed: not even the known endpoint's");
    }

    private Caller caller() {
        return new Caller(deployment, "10.3." + ADDRESSES.get() / 250 + "." + ADDRESSES.getAndIncrement() % 250);
    }

    private Caller script() {
        return new Caller(deployment, "10.4.0.1");
    }

    private int levelOf(long id) throws IOException {
        return endpoints(script()).stream().filter(e -> e.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow().getInt("level");
    }

    private static List<JsonObject> endpoints(Caller script) throws IOException {
        HttpResponse<String> list = script.get("fmd/api/endpoints", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, list.statusCode(), list.body());
        assertFalse(list.body().isEmpty());
        return Json.createReader(new StringReader(list.body())).readArray().getValuesAs(JsonObject.class);
    }
}
