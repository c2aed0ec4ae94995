package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.DropInApp;
import dev.fmd.it.support.FakeGitRepository;
import dev.fmd.it.support.FmdClient;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fmd dropped into an application that was not written for it: the application answers exactly as before, and every
 * request to each kind of resource it has is recorded once, with the status its client got.
 */
@ExtendWith(ArquillianExtension.class)
class DropInAppIT {

    private static final String PREFIX = TestWars.uniquePrefix();

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DropInApp.war(Map.of("fmd.git", FakeGitRepository.create().toString()), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    private FmdClient client() {
        return new FmdClient(deployment, "rest");
    }

    @Test
    void applicationAnswersExactlyAsItDoesWithoutFmd() {
        FmdClient client = client();
        HttpResponse<String> hello = client.get("rest/plain/hello");
        assertEquals(200, hello.statusCode());
        assertEquals("hello", hello.body());
        assertEquals("dropin", hello.headers().firstValue("X-App").orElse(null), "application's response filter");
        assertEquals("seen", hello.headers().firstValue("X-App-Filter").orElse(null), "application's servlet filter");
        assertEquals(422, client.get("rest/plain/reject").statusCode());
        assertEquals(500, client.get("rest/plain/boom").statusCode());
        assertEquals(401, client.get("rest/plain/secret").statusCode());
        assertEquals("secret", client.get("rest/plain/secret", "X-Api-Key", "k").body());
        assertEquals("quiet", client.get("rest/plain/quiet").body());
        assertEquals(201, client.post("rest/notes?text=first").statusCode());
        assertTrue(Integer.parseInt(client.get("rest/notes").body()) >= 1, "own persistence unit works");
        assertEquals(500, client.get("rest/notes/broken").statusCode());
        assertEquals("resumed after 50", client.get("rest/async/suspended?ms=50").body());
        assertEquals("completed after 50", client.get("rest/async/stage?ms=50").body());
        assertEquals("item 42", client.get("rest/catalog/items/42").body());
        assertEquals(204, client.send("DELETE", "rest/catalog/items/42").statusCode());
        assertEquals("hello ann", client.get("rest/greetings/ann").body());
        HttpResponse<String> page = client.get("hello.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Hello from the drop-in app's own Faces page"), page.body());
    }

    @Test
    void everyResourceMethodIsAnEndpointWhateverItsKind() {
        Set<String> expected = Set.of(
                "PlainResource.hello GET /rest/plain/hello",
                "PlainResource.reject GET /rest/plain/reject",
                "PlainResource.boom GET /rest/plain/boom",
                "PlainResource.secret GET /rest/plain/secret",
                "NoteResource.add POST /rest/notes",
                "NoteResource.count GET /rest/notes",
                "NoteResource.broken GET /rest/notes/broken",
                "AsyncResource.suspended GET /rest/async/suspended",
                "AsyncResource.stage GET /rest/async/stage",
                "ItemResource.get GET /rest/catalog/items/{id}",
                "ItemResource.delete DELETE /rest/catalog/items/{id}",
                "GreetingResource.greet GET /rest/greetings/{name}");
        List<JsonObject> rows = client().awaitEndpointRows(r -> routes(r).containsAll(expected));
        assertEquals(expected, routes(rows), "@Unmonitored methods and the probe are not endpoints");
    }

    @Test
    void eachRequestIsRecordedExactlyOnceForEveryKindOfResource() {
        FmdClient client = client();
        Map<String, String> calls = Map.of(
                "PlainResource.hello", "rest/plain/hello",
                "NoteResource.count", "rest/notes",
                "GreetingResource.greet", "rest/greetings/bob",
                "ItemResource.get", "rest/catalog/items/7",
                "AsyncResource.suspended", "rest/async/suspended?ms=10",
                "AsyncResource.stage", "rest/async/stage?ms=10");
        calls.forEach((endpoint, path) -> {
            List<JsonObject> rows = newRows(client, endpoint, 3, () -> assertEquals(200, client.get(path).statusCode()));
            rows.forEach(row -> assertEquals(200, (int) number(row, "status_code"), endpoint + ": " + row));
        });
        FmdClient.sleep(1200);
        calls.forEach((endpoint, path) -> assertEquals(0, countAfter(client, endpoint, lastIds.get(endpoint)),
                endpoint + " recorded more than once"));
    }

    @Test
    void asynchronousRequestsLastUntilTheirResponseIsComplete() {
        FmdClient client = client();
        JsonObject suspended = newRows(client, "AsyncResource.suspended", 1,
                () -> client.get("rest/async/suspended?ms=400")).get(0);
        assertTrue(number(suspended, "duration") >= 400, "suspended: " + suspended);
        JsonObject stage = newRows(client, "AsyncResource.stage", 1, () -> client.get("rest/async/stage?ms=400"))
                .get(0);
        assertTrue(number(stage, "duration") >= 400, "completion stage: " + stage);
        assertEquals(200, (int) number(stage, "status_code"));
    }

    @Test
    void statusIsTheOneTheClientGotFromTheApplicationsMappersAndFilters() {
        FmdClient client = client();
        assertStatus(client, "PlainResource.reject", "rest/plain/reject", 422);
        assertStatus(client, "PlainResource.boom", "rest/plain/boom", 500);
        assertStatus(client, "PlainResource.secret", "rest/plain/secret", 401);
        JsonObject greeting = assertStatus(client, "GreetingResource.greet", "rest/greetings/error", 500);
        assertEquals("java.lang.IllegalStateException", text(greeting, "exception_type"));
        JsonObject ejb = assertStatus(client, "NoteResource.broken", "rest/notes/broken", 500);
        assertEquals("java.lang.IllegalStateException", text(ejb, "exception_type"), "the EJB's own exception");
    }

    @Test
    void versionIsTheCommitOfTheConfiguredGitFolder() {
        FmdClient client = client();
        JsonObject row = newRows(client, "PlainResource.hello", 1, () -> client.get("rest/plain/hello")).get(0);
        assertEquals(FakeGitRepository.COMMIT, text(row, "version_requested"));
    }

    @Test
    void groupByIsTheAuthenticatedPrincipalWhenTheApplicationHasNoGroupByBean() {
        FmdClient client = client();
        JsonObject anonymous = newRows(client, "PlainResource.hello", 1, () -> client.get("rest/plain/hello")).get(0);
        assertEquals(null, text(anonymous, "group_by"));
        JsonObject carol = newRows(client, "PlainResource.hello", 1,
                () -> assertEquals(200, client.get("rest/plain/hello", "Authorization", "Bearer user-carol")
                        .statusCode())).get(0);
        assertEquals("carol", text(carol, "group_by"));
    }

    private static final Map<String, Double> lastIds = new java.util.concurrent.ConcurrentHashMap<>();

    private static JsonObject assertStatus(FmdClient client, String endpoint, String path, int status) {
        JsonObject row = newRows(client, endpoint, 1, () -> assertEquals(status, client.get(path).statusCode()))
                .get(0);
        assertEquals(status, (int) number(row, "status_code"), endpoint + ": " + row);
        return row;
    }

    /** Runs the call {@code times} times and returns the rows it added, once they are all written. */
    private static List<JsonObject> newRows(FmdClient client, String endpoint, int times, Runnable call) {
        double before = maxId(client.requestRows(endpoint));
        for (int i = 0; i < times; i++) {
            call.run();
        }
        List<JsonObject> rows = client.awaitRequestRows(endpoint, r -> after(r, before).size() >= times);
        List<JsonObject> added = after(rows, before);
        assertEquals(times, added.size(), endpoint + ": " + added);
        lastIds.put(endpoint, maxId(added));
        return added;
    }

    private static long countAfter(FmdClient client, String endpoint, double id) {
        return after(client.requestRows(endpoint), id).size();
    }

    private static List<JsonObject> after(List<JsonObject> rows, double id) {
        return rows.stream().filter(r -> number(r, "id") > id).toList();
    }

    private static double maxId(List<JsonObject> rows) {
        return rows.stream().mapToDouble(r -> number(r, "id")).max().orElse(0);
    }

    private static Set<String> routes(List<JsonObject> rows) {
        return rows.stream().map(r -> text(r, "name") + " " + text(r, "http_method") + " " + text(r, "path"))
                .collect(Collectors.toSet());
    }
}
