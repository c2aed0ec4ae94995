package dev.fmd.monitor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Follows monitored requests for a deeper concern (outliers, profiler). Registered on the {@link Monitor} by that
 * concern's extension. Called only for requests of endpoints at level 2 or more; must be fast and must not throw
 * (an exception is counted and ignored).
 * <p>
 * Every request {@link #started} is {@link #ended} exactly once: after {@link #finished} when it was recorded (an
 * asynchronous one possibly before), or alone when it never will be (fmd failed to follow it to its end): an observer drops what it keeps for a request
 * in {@code ended}, so that what it holds never grows with requests that were not recorded. As a last defence, an
 * observer drops the state of a request it followed for longer than {@link #FOLLOWED_AT_MOST_NANOS} and counts it
 * in {@link Following#expired()}.
 */
public interface RequestObserver {

    /**
     * How long an observer follows a request at most (5 minutes): longer than any response a client waits for, and
     * than the container's asynchronous timeouts; a stream that runs longer loses its outlier stack and call tree.
     */
    long FOLLOWED_AT_MOST_NANOS = 300_000_000_000L;

    /**
     * The endpoint of the request is known; called on the request thread.
     *
     * @param request the request
     */
    void started(InFlightRequest request);

    /**
     * The response is complete; called on the request thread, or on the container's thread that completed an
     * asynchronous response.
     *
     * @param request       the request
     * @param http          the servlet request, still valid
     * @param status        the status the client got
     * @param durationNanos how long the request took
     */
    void finished(InFlightRequest request, HttpServletRequest http, int status, long durationNanos);

    /**
     * The request is over for fmd: called once for every request {@link #started}, after {@link #finished} or
     * without it; on the request thread or the container's thread that completed it. For an asynchronous request
     * it may come before {@link #finished}, as soon as its response is being written on another thread (the container
     * may never report the end of a response whose client left), so {@code finished} must accept a request already
     * ended.
     *
     * @param request the request
     */
    void ended(InFlightRequest request);

    /**
     * Drops what this observer keeps for requests that started more than {@link #FOLLOWED_AT_MOST_NANOS} before
     * {@code nowNanos} and have not ended, counting them in {@link Following#expired()}. Called by the observer's own
     * thread, about once a second; off the request path.
     *
     * @param nowNanos the time by {@link System#nanoTime()}
     */
    void expire(long nowNanos);

    /** @return what this observer holds for requests in flight now; off the request path */
    Following following();

    /** @return the observer itself rather than the container's proxy, so that requests pay no proxy */
    default RequestObserver unproxied() {
        return this;
    }
}
