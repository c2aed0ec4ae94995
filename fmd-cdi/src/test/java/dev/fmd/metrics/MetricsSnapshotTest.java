package dev.fmd.metrics;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.EndpointRegistry;
import dev.fmd.monitor.MonitoringPolicy;
import dev.fmd.monitor.RequestRecord;
import dev.fmd.query.DashboardStatus;
import dev.fmd.query.DatabaseState;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsSnapshotTest {

    @Path("b")
    public static class Second {
        @GET
        public String read() {
            return "";
        }
    }

    @Path("a")
    public static class First {
        @GET
        public String read() {
            return "";
        }

        @DELETE
        public void remove() {
        }
    }

    @Test
    void everyEndpointIsShownSortedWithWhatTheWriterCounted() throws Exception {
        EndpointRegistry registry = new EndpointRegistry(new MonitoringPolicy(true), 1);
        Endpoint second = registry.endpointFor(Second.class, Second.class.getMethod("read")).orElseThrow();
        registry.endpointFor(First.class, First.class.getMethod("read")).orElseThrow();
        RequestCounters counters = new RequestCounters(() -> 1);
        counters.taken(List.of(new RequestRecord(second, true, 1_000, 1, "1.0", null, "127.0.0.1", 200, null, null)));

        MetricsSnapshot snapshot = MetricsSnapshot.of(registry.all(), counters, status(DatabaseState.UP), 4_000,
                List.of());

        assertEquals(List.of("First.read GET /a", "First.remove DELETE /a", "Second.read GET /b"),
                snapshot.endpoints().stream().map(e -> e.endpoint() + " " + e.method() + " " + e.route()).toList());
        assertEquals(1, snapshot.endpoints().get(2).counts().count());
        assertEquals(0, snapshot.endpoints().get(0).counts().count());
        assertEquals(new SelfMetrics("2.0", "node-1", 5, 100, 4, 3, 2, 1, 3_000, true, List.of()), snapshot.self());
    }

    @Test
    void theDatabaseIsUpOnlyWhenItAnswered() {
        RequestCounters counters = new RequestCounters(() -> 0);
        assertTrue(MetricsSnapshot.of(List.of(), counters, status(DatabaseState.UP), 0, List.of()).self().databaseUp());
        for (DatabaseState state : List.of(DatabaseState.STARTING, DatabaseState.UNREACHABLE, DatabaseState.DISABLED)) {
            assertFalse(MetricsSnapshot.of(List.of(), counters, status(state), 0, List.of()).self().databaseUp(), state.name());
        }
    }

    private static DashboardStatus status(DatabaseState state) {
        return new DashboardStatus("2.0", "node-1", state, null, null, 5, 100, 4, 3, 2, 1, List.of());
    }
}
