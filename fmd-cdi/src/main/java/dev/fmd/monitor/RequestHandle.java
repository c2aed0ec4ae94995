package dev.fmd.monitor;

/**
 * Names one request row before it exists: created when a request of level 2 or more starts, given the row's id by the
 * store once the row is committed, so that what is stored about the request later (its profile, its outlier
 * context) can refer to it.
 */
public final class RequestHandle {

    private final long createdNanos = System.nanoTime();
    private final Endpoint endpoint;
    private final long epochMillis;
    private volatile long id;

    RequestHandle(Endpoint endpoint, long epochMillis) {
        this.endpoint = endpoint;
        this.epochMillis = epochMillis;
    }

    /** @return the request's endpoint */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return when the request started, in milliseconds since the epoch */
    public long epochMillis() {
        return epochMillis;
    }

    /** @return the request row's id, or 0 while it is not written yet (or when it never will be) */
    public long id() {
        return Math.max(0, id);
    }

    /** The request's row will never be written (the queue was full, or the database refused it). */
    public void dropped() {
        id = -1;
    }

    /** @return whether the request's row will never be written, so nothing stored about it can be */
    public boolean isDropped() {
        return id < 0;
    }

    /** @param id the committed request row's id */
    public void id(long id) {
        this.id = id;
    }

    /** @return nanoseconds since the request started, by {@link System#nanoTime()} */
    public long ageNanos() {
        return System.nanoTime() - createdNanos;
    }
}
