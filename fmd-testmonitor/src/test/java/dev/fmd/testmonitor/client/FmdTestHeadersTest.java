package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FmdTestHeadersTest {

    private static final CurrentTest.Running ORDER = new CurrentTest.Running("com.acme.OrderIT#places", "run-1", "tok");
    private static final Map<String, String> ORDER_HEADERS = Map.of(
            "X-Fmd-Test", "com.acme.OrderIT#places", "X-Fmd-Test-Run", "run-1", "X-Fmd-Test-Token", "tok");

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void noHeadersWhenNoTestIsCurrent() {
        assertEquals(Map.of(), FmdTestHeaders.current());
    }

    @Test
    void theCurrentTestsHeadersWhileItRuns() {
        try (CurrentTest.Handle handle = CurrentTest.start(ORDER)) {
            assertEquals(ORDER_HEADERS, FmdTestHeaders.current());
            assertEquals(List.of("X-Fmd-Test", "X-Fmd-Test-Run", "X-Fmd-Test-Token"),
                    List.copyOf(FmdTestHeaders.current().keySet()));
        }
        assertEquals(Map.of(), FmdTestHeaders.current());
    }

    @Test
    void noHeadersWithoutAToken() {
        try (CurrentTest.Handle handle = CurrentTest.start(new CurrentTest.Running("a.B#c", "run-1", null))) {
            assertEquals(Map.of(), FmdTestHeaders.current());
        }
    }

    @Test
    void noHeadersForATestNamedBeyondPrintableAscii() {
        try (CurrentTest.Handle handle = CurrentTest.start(new CurrentTest.Running("a.B#bestellungÄndern", "r", "t"))) {
            assertEquals(Map.of(), FmdTestHeaders.current());
            assertEquals(Map.of(), FmdTestHeaders.apply(HttpRequest.newBuilder(URI.create("http://h/x"))).build()
                    .headers().map());
        }
        try (CurrentTest.Handle handle = CurrentTest.start(new CurrentTest.Running("a.B$C#with_$1", "r", "t"))) {
            assertEquals("a.B$C#with_$1", FmdTestHeaders.current().get("X-Fmd-Test"));
        }
    }

    @Test
    void aThreadTheTestStartsSeesTheTest() throws Exception {
        try (CurrentTest.Handle handle = CurrentTest.start(ORDER);
             CurrentTest.Handle other = startElsewhere(new CurrentTest.Running("a.Other#x", "run-1", "tok"))) {
            AtomicReference<Map<String, String>> seen = new AtomicReference<>();
            Thread helper = new Thread(() -> seen.set(FmdTestHeaders.current()));
            helper.start();
            helper.join();
            assertEquals(ORDER_HEADERS, seen.get());
        }
    }

    @Test
    void aPoolThreadSeesTheOnlyRunningTest() throws Exception {
        pool.submit(() -> { }).get(); // the pool's thread exists before the test starts
        try (CurrentTest.Handle handle = CurrentTest.start(ORDER)) {
            assertEquals(ORDER_HEADERS, pool.submit(FmdTestHeaders::current).get());
        }
        assertEquals(Map.of(), pool.submit(FmdTestHeaders::current).get());
    }

    @Test
    void aPoolThreadSeesNoTestWhileTwoRun() throws Exception {
        pool.submit(() -> { }).get();
        try (CurrentTest.Handle handle = CurrentTest.start(ORDER);
             CurrentTest.Handle other = startElsewhere(new CurrentTest.Running("a.Other#x", "run-1", "tok"))) {
            assertEquals(Map.of(), pool.submit(FmdTestHeaders::current).get());
            assertEquals(ORDER_HEADERS, FmdTestHeaders.current());
        }
    }

    @Test
    void aThreadThatInheritedAnEndedTestNoLongerSeesIt() throws Exception {
        ExecutorService inheriting;
        try (CurrentTest.Handle handle = CurrentTest.start(ORDER)) {
            inheriting = Executors.newSingleThreadExecutor();
            assertEquals(ORDER_HEADERS, inheriting.submit(FmdTestHeaders::current).get());
        }
        try (CurrentTest.Handle next = startElsewhere(new CurrentTest.Running("a.Next#y", "run-1", "tok"))) {
            assertEquals("a.Next#y", inheriting.submit(FmdTestHeaders::current).get().get("X-Fmd-Test"));
        } finally {
            inheriting.shutdownNow();
        }
    }

    @Test
    void applySetsTheHeadersOnAnHttpRequest() {
        try (CurrentTest.Handle handle = CurrentTest.start(ORDER)) {
            HttpRequest request = FmdTestHeaders.apply(HttpRequest.newBuilder(URI.create("http://h/x"))).build();
            assertEquals(List.of("com.acme.OrderIT#places"), request.headers().allValues("X-Fmd-Test"));
            assertEquals(List.of("run-1"), request.headers().allValues("X-Fmd-Test-Run"));
            assertEquals(List.of("tok"), request.headers().allValues("X-Fmd-Test-Token"));
        }
        assertEquals(Map.of(), FmdTestHeaders.apply(HttpRequest.newBuilder(URI.create("http://h/x"))).build()
                .headers().map());
    }

    /** Starts a test on another thread (as a parallel test would), leaving this thread's test as it is. */
    private static CurrentTest.Handle startElsewhere(CurrentTest.Running test) throws InterruptedException {
        AtomicReference<CurrentTest.Handle> handle = new AtomicReference<>();
        Thread thread = new Thread(() -> handle.set(CurrentTest.start(test)));
        thread.start();
        thread.join();
        return handle.get();
    }
}
