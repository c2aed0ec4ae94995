package dev.fmd.monitor;

/**
 * What fmd knows about the request the current thread is serving, from the first servlet filter to the end of its
 * response. The {@link RequestTimingFilter} opens it, the {@link EndpointFeature}'s filter names its endpoint and the
 * {@link MonitoringInterceptor} notes an exception that escapes the resource method.
 * Confined to the request thread until the response completes.
 */
final class InFlightRequest {

    private static final ThreadLocal<InFlightRequest> CURRENT = new ThreadLocal<>();

    final long startNanos = System.nanoTime();
    final long startMillis = System.currentTimeMillis();
    private Endpoint endpoint;
    private String exception;
    private int depth;
    private String groupBy;
    private String ip;
    private boolean recorded;

    /** Opens a request on the current thread. */
    static InFlightRequest open() {
        InFlightRequest request = new InFlightRequest();
        CURRENT.set(request);
        return request;
    }

    /** @return the request the current thread is serving, or null */
    static InFlightRequest current() {
        return CURRENT.get();
    }

    /** Detaches the request from the current thread (its response may still complete later, asynchronously). */
    static void detach() {
        CURRENT.remove();
    }

    Endpoint endpoint() {
        return endpoint;
    }

    void endpoint(Endpoint endpoint) {
        if (this.endpoint == null) {
            this.endpoint = endpoint;
        }
    }

    /** Called when the resource method is entered; nested calls (locators, one resource calling another) count up. */
    void enter() {
        depth++;
    }

    /** Called when the resource method is left, normally or not. */
    void exit(Throwable thrown) {
        depth--;
        if (thrown != null && depth == 0 && exception == null) {
            exception = thrown.getClass().getName();
        }
    }

    /** Notes an exception seen outside the resource method (a filter, or the container's async error). */
    void escaped(Throwable thrown) {
        if (exception == null && thrown != null) {
            exception = thrown.getClass().getName();
        }
    }

    String exception() {
        return exception;
    }

    String groupBy() {
        return groupBy;
    }

    void groupBy(String groupBy) {
        this.groupBy = groupBy;
    }

    String ip() {
        return ip;
    }

    void ip(String ip) {
        this.ip = ip;
    }

    /** @return true the first time only, so that a request is recorded exactly once */
    synchronized boolean markRecorded() {
        if (recorded) {
            return false;
        }
        recorded = true;
        return true;
    }
}
