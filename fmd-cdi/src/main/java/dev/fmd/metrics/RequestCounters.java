package dev.fmd.metrics;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.RequestRecord;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The per-endpoint counts behind {@code /fmd/metrics}, kept by the writer thread so that they cost the request
 * thread nothing:
 * <pre>
 * counters.taken(batch);                  // the writer, each time it takes a batch from the queue
 * counters.of(endpoint).requests(...);    // a scrape, on any thread
 * </pre>
 * A request counts when the writer takes it from the queue, before it is written: a request the queue dropped
 * (counted by {@code fmd_dropped_total}) never counts; one the database later refuses has counted. Requests of level
 * 0, whose rows are not stored, count too.
 * <p>
 * One thread calls {@link #taken}; it publishes an immutable {@link EndpointCounts} per endpoint it touched, so
 * readers need no lock and always see counts that agree with each other.
 */
public final class RequestCounters {

    private final Map<Endpoint, EndpointCounts> byEndpoint = new ConcurrentHashMap<>();
    private final IntSupplier inHand;
    private volatile long oldestTakenMillis;

    /** @param inHand how many requests the writer has taken and not written yet */
    public RequestCounters(IntSupplier inHand) {
        this.inHand = inHand;
    }

    /**
     * Counts a batch the writer just took from the queue, and remembers when its oldest request started. Called by
     * the writer thread only, before it says how many requests it has in hand.
     *
     * @param batch the requests taken, possibly none
     */
    public void taken(List<RequestRecord> batch) {
        Map<Endpoint, EndpointCounts.Tally> touched = new IdentityHashMap<>();
        long oldest = Long.MAX_VALUE;
        for (RequestRecord record : batch) {
            touched.computeIfAbsent(record.endpoint(), e -> of(e).tally()).add(record.status(), record.durationNanos());
            oldest = Math.min(oldest, record.epochMillis());
        }
        touched.forEach((endpoint, tally) -> byEndpoint.put(endpoint, tally.counts()));
        oldestTakenMillis = batch.isEmpty() ? 0 : oldest;
    }

    /**
     * @param endpoint an endpoint of the application
     * @return what it served so far; {@link EndpointCounts#NONE} before its first request
     */
    public EndpointCounts of(Endpoint endpoint) {
        return byEndpoint.getOrDefault(endpoint, EndpointCounts.NONE);
    }

    /**
     * How far the writer is behind: the age of the oldest request it has taken from the queue and not written yet
     * (while the database does not answer, this grows), counted from the request's start; 0 when it holds none.
     * Requests still waiting in the queue are not looked at: in normal operation they wait there up to
     * {@code fmd.flush-interval}, which is no lag.
     *
     * @param nowMillis the current time, in milliseconds since the epoch
     * @return the lag in milliseconds, never negative
     */
    public long writerLagMillis(long nowMillis) {
        if (inHand.getAsInt() == 0) {
            return 0;
        }
        long oldest = oldestTakenMillis;
        return oldest == 0 ? 0 : Math.max(0, nowMillis - oldest);
    }
}
