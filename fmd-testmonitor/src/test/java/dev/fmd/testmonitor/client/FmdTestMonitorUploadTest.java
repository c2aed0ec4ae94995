package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension end to end: tagged calls to an app, then the upload to a dashboard, both on 127.0.0.1. */
class FmdTestMonitorUploadTest {

    static volatile String appUrl;
    /** a pool whose thread exists before the fixture test starts, as a client library's pool would */
    static ExecutorService pool;

    private LocalDashboard server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LocalDashboard();
        appUrl = server.url("/app/api/products");
        pool = Executors.newSingleThreadExecutor();
        pool.submit(() -> { }).get();
    }

    @AfterEach
    void stopServer() {
        server.close();
        pool.shutdownNow();
    }

    @ExtendWith(FmdTestMonitor.class)
    static class CallsTheApp {
        @Test
        void listsProducts() throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = FmdTestHeaders.apply(HttpRequest.newBuilder(URI.create(appUrl))).GET().build();
            client.send(request, HttpResponse.BodyHandlers.discarding());
            pool.submit(() -> client.send(FmdTestHeaders.apply(HttpRequest.newBuilder(URI.create(appUrl + "/pool")))
                    .GET().build(), HttpResponse.BodyHandlers.discarding())).get();
        }
    }

    private FixtureRun runWithDashboard(String token) {
        return token == null
                ? FixtureRun.of(CallsTheApp.class, "fmd.testmonitor.times", "2", "fmd.testmonitor.url", server.url("/app/fmd"))
                : FixtureRun.of(CallsTheApp.class, "fmd.testmonitor.times", "2", "fmd.testmonitor.url", server.url("/app/fmd"),
                        "fmd.testmonitor.token", token, "fmd.testmonitor.build", "77");
    }

    @Test
    void tagsEveryCallAndUploadsTheRunUnderTheSameKey() {
        FixtureRun run = runWithDashboard("s3cret");
        run.results().testEvents().assertStatistics(stats -> stats.succeeded(1));
        List<LocalDashboard.Request> calls = server.requestsTo("/app/api/products");
        List<LocalDashboard.Request> poolCalls = server.requestsTo("/app/api/products/pool");
        assertEquals(2, calls.size());
        assertEquals(2, poolCalls.size());
        LocalDashboard.Request upload = server.requestsTo("/app/fmd/api/test-runs").get(0);
        assertEquals("Bearer s3cret", upload.header("Authorization"));
        String runKey = field(upload.body(), "run");
        assertTrue(runKey.matches("[A-Za-z0-9._-]{1,64}"), runKey);
        for (LocalDashboard.Request call : List.of(calls.get(0), calls.get(1), poolCalls.get(0), poolCalls.get(1))) {
            assertEquals(CallsTheApp.class.getName() + "#listsProducts", call.header("X-Fmd-Test"));
            assertEquals(runKey, call.header("X-Fmd-Test-Run"));
            assertEquals("s3cret", call.header("X-Fmd-Test-Token"));
        }
        assertTrue(upload.body().contains("\"build\":\"77\""), upload.body());
        assertTrue(upload.body().contains("\"times\":2,\"source\":\"junit5\""), upload.body());
        assertTrue(upload.body().matches(".*\\{\"name\":\"" + Pattern.quote(CallsTheApp.class.getName())
                + "#listsProducts\",\"outcome\":\"passed\",\"durationsMs\":\\[[0-9.]+,[0-9.]+],\"failures\":0,"
                + "\"message\":null}.*"), upload.body());
        assertTrue(run.printed().contains("fmd testmonitor: uploaded run " + runKey), run.printed());
    }

    @Test
    void withoutATokenNothingIsTaggedOrUploaded() {
        FixtureRun run = runWithDashboard(null);
        run.results().testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertNull(server.requestsTo("/app/api/products").get(0).header("X-Fmd-Test"));
        assertEquals(List.of(), server.requestsTo("/app/fmd/api/test-runs"));
        assertTrue(run.printed().contains("is set but no token"), run.printed());
    }

    @Test
    void aRefusedUploadFailsNothing() {
        server.answering(400, "{\"error\":\"run must match [A-Za-z0-9._-]{1,64}\",\"field\":\"run\"}");
        FixtureRun run = runWithDashboard("s3cret");
        run.results().allEvents().assertStatistics(stats -> stats.failed(0).succeeded(3));
        assertTrue(run.printed().contains("WARNING: the dashboard refused run"), run.printed());
        assertTrue(run.printed().contains("400 {\"error\":\"run must match"), run.printed());
    }

    @Test
    void anUnreachableDashboardFailsNothing() {
        String url = server.url("/app/fmd");
        server.close();
        FixtureRun run = FixtureRun.of(Quiet.class, "fmd.testmonitor.url", url, "fmd.testmonitor.token", "t");
        run.results().allEvents().assertStatistics(stats -> stats.failed(0).succeeded(3));
        assertTrue(run.printed().contains("WARNING: could not upload run"), run.printed());
    }

    @ExtendWith(FmdTestMonitor.class)
    static class Quiet {
        @Test
        void nothing() {
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(matcher.find(), json);
        return matcher.group(1);
    }
}
