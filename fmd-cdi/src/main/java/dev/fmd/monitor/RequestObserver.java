package dev.fmd.monitor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Follows monitored requests for a deeper concern (outliers, profiler). Registered on the {@link Monitor} by that
 * concern's extension. Called only for requests of endpoints at level 2 or more; must be fast and must not throw
 * (an exception is counted and ignored).
 */
public interface RequestObserver {

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

    /** @return the observer itself rather than the container's proxy, so that requests pay no proxy */
    default RequestObserver unproxied() {
        return this;
    }
}
