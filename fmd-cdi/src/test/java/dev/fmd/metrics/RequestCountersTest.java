package dev.fmd.metrics;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.EndpointRegistry;
import dev.fmd.monitor.MonitoringPolicy;
import dev.fmd.monitor.RequestRecord;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RequestCountersTest {

    @Path("things")
    public static class ThingResource {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}")
        public String get() {
            return "";
        }
    }

    private final EndpointRegistry registry = new EndpointRegistry(new MonitoringPolicy(true), 1);
    private final Endpoint list = endpoint("list");
    private final Endpoint get = endpoint("get");
    private final AtomicInteger inHand = new AtomicInteger();
    private final RequestCounters counters = new RequestCounters(inHand::get);

    @Test
    void eachBatchAddsToItsEndpointsCountsPerStatusClass() {
        counters.taken(List.of(record(list, 200, 1, 0), record(list, 404, 1, 0), record(get, 503, 1, 0)));
        counters.taken(List.of(record(list, 201, 1, 0), record(list, 302, 1, 0), record(list, 404, 1, 0)));
        EndpointCounts counts = counters.of(list);
        assertEquals(2, counts.requests(StatusClass.SUCCESS));
        assertEquals(1, counts.requests(StatusClass.REDIRECTION));
        assertEquals(2, counts.requests(StatusClass.CLIENT_ERROR));
        assertEquals(0, counts.requests(StatusClass.SERVER_ERROR));
        assertEquals(5, counts.count());
        assertEquals(1, counters.of(get).requests(StatusClass.SERVER_ERROR));
        assertEquals(1, counters.of(get).count());
    }

    @Test
    void aDurationOnABoundCountsInThatBoundsBucket() {
        counters.taken(List.of(record(list, 200, 5, 0), record(list, 200, 6, 0), record(list, 200, 10_001, 0)));
        EndpointCounts counts = counters.of(list);
        assertEquals(1, counts.cumulativeBucket(0), "5 ms is within le=0.005");
        assertEquals(2, counts.cumulativeBucket(1), "6 ms within le=0.01");
        assertEquals(2, counts.cumulativeBucket(DurationBuckets.count() - 2), "10.001 s beyond le=10");
        assertEquals(3, counts.cumulativeBucket(DurationBuckets.count() - 1), "+Inf holds every request");
        assertEquals(TimeUnit.MILLISECONDS.toNanos(10_012), counts.sumNanos());
    }

    @Test
    void anEndpointNeverRequestedHasNoCounts() {
        counters.taken(List.of(record(list, 200, 1, 0)));
        assertSame(EndpointCounts.NONE, counters.of(get));
        assertEquals(0, EndpointCounts.NONE.count());
    }

    @Test
    void countsAlreadyPublishedNeverChangeWhenLaterBatchesArrive() {
        counters.taken(List.of(record(list, 200, 1, 0)));
        EndpointCounts first = counters.of(list);
        counters.taken(List.of(record(list, 200, 1, 0), record(list, 500, 1, 0)));
        assertEquals(1, first.count());
        assertEquals(3, counters.of(list).count());
    }

    @Test
    void writerLagIsTheAgeOfTheOldestRequestInHandAndZeroWhenNoneIs() {
        counters.taken(List.of(record(list, 200, 1, 10_000), record(get, 200, 1, 7_000), record(get, 200, 1, 9_000)));
        inHand.set(3);
        assertEquals(5_000, counters.writerLagMillis(12_000));
        inHand.set(0);
        assertEquals(0, counters.writerLagMillis(12_000), "the batch is written");
        counters.taken(List.of());
        inHand.set(0);
        assertEquals(0, counters.writerLagMillis(20_000), "nothing taken");
    }

    private Endpoint endpoint(String method) {
        try {
            return registry.endpointFor(ThingResource.class, ThingResource.class.getMethod(method)).orElseThrow();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static RequestRecord record(Endpoint endpoint, int status, long durationMs, long epochMillis) {
        return new RequestRecord(endpoint, true, epochMillis, TimeUnit.MILLISECONDS.toNanos(durationMs), "1.0", null,
                "127.0.0.1", status, null, null);
    }
}
