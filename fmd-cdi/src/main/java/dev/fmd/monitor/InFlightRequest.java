package dev.fmd.monitor;

/**
 * What fmd knows about the request the current thread is serving, from the first servlet filter to the end of its
 * response. The {@link RequestTimingFilter} opens it, the {@link EndpointFeature}'s filter names its endpoint and the
 * {@link MonitoringInterceptor} notes an exception that escapes the resource method. Written by the request thread;
 * observers may read the public accessors from other threads.
 */
public final class InFlightRequest {

    private static final ThreadLocal<InFlightRequest> CURRENT = new ThreadLocal<>();
    /** The JAX-RS request property that carries a request of level 2 or more to threads other than its own. */
    static final String PROPERTY = "dev.fmd.monitor.InFlightRequest";
    private static final Object[] NO_NOTES = new Object[0];

    final long startNanos = System.nanoTime();
    final long startMillis = System.currentTimeMillis();
    private final Thread thread = Thread.currentThread();
    private final Monitor monitor;
    private volatile Endpoint endpoint;
    private volatile RequestHandle handle;
    private String exception;
    private int depth;
    private String groupBy;
    private String ip;
    private dev.fmd.testmonitor.TestTag test;
    private boolean recorded;
    private boolean matched;
    private boolean ended;
    private volatile Object[] notes = NO_NOTES;
    private volatile boolean detached;

    private InFlightRequest(Monitor monitor) {
        this.monitor = monitor;
    }

    /** Opens a request on the current thread. */
    static InFlightRequest open(Monitor monitor) {
        InFlightRequest request = new InFlightRequest(monitor);
        CURRENT.set(request);
        return request;
    }

    /** @return the request the current thread is serving, or null */
    static InFlightRequest current() {
        return CURRENT.get();
    }

    /**
     * Detaches the request from the current thread.
     *
     * @param goesOn true when its response completes later, asynchronously, on another thread
     */
    static void detach(boolean goesOn) {
        InFlightRequest request = CURRENT.get();
        if (request != null && goesOn) {
            request.detached = true;
        }
        CURRENT.remove();
    }

    /**
     * @return true once the request's thread has left it while its response is still to come (an asynchronous
     *         resource's): that thread's stack then says nothing about the request any more
     */
    public boolean detached() {
        return detached;
    }

    /** @param test the test the request came from (its believed tag), or null */
    void test(dev.fmd.testmonitor.TestTag test) {
        this.test = test;
    }

    /** @return the test the request came from, or null */
    dev.fmd.testmonitor.TestTag test() {
        return test;
    }

    /** @return the endpoint, or null while the JAX-RS runtime has not matched one */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return the thread that serves the request's resource method */
    public Thread thread() {
        return thread;
    }

    /** @return when the request started, by {@link System#nanoTime()} */
    public long startNanos() {
        return startNanos;
    }

    /** @return the handle of the request's row, or null below level 2 */
    public RequestHandle handle() {
        return handle;
    }

    /**
     * Lets an observer keep its own state with the request.
     *
     * @param type  the observer's key
     * @param value its state
     */
    public synchronized void note(Class<?> type, Object value) {
        Object[] kept = notes;
        for (int i = 0; i < kept.length; i += 2) {
            if (kept[i] == type) {
                Object[] replaced = kept.clone();
                replaced[i + 1] = value;
                notes = replaced;
                return;
            }
        }
        Object[] more = java.util.Arrays.copyOf(kept, kept.length + 2);
        more[kept.length] = type;
        more[kept.length + 1] = value;
        notes = more;
    }

    /** @return the state an observer kept with {@link #note} under this type, or null */
    public <T> T note(Class<T> type) {
        Object[] kept = notes;
        for (int i = 0; i < kept.length; i += 2) {
            if (kept[i] == type) {
                return type.cast(kept[i + 1]);
            }
        }
        return null;
    }

    /**
     * Notes that the JAX-RS runtime took the request to a resource method that fmd does not monitor (
     * {@code @Unmonitored}, not {@code @Monitored} without auto-binding, or not the application's): it is not
     * recorded, as an unmatched request or otherwise.
     */
    void matchedUnmonitored() {
        matched = true;
    }

    /** @return whether the JAX-RS runtime took the request to a resource method, monitored or not */
    boolean matched() {
        return matched || endpoint != null;
    }

    /**
     * Names the endpoint of a request that reached no resource method, once it is over: the one it was going to, or
     * an {@link Endpoint#unmatched} one. Observers are not told (the request is over), so it has no row handle.
     */
    void endpointAfterwards(Endpoint found) {
        if (this.endpoint == null) {
            this.endpoint = found;
        }
    }

    void endpoint(Endpoint matched) {
        if (this.endpoint == null) {
            this.endpoint = matched;
            if (matched.level() >= 2) {
                handle = new RequestHandle(matched, startMillis);
                monitor.started(this);
            }
        }
    }

    /**
     * Its asynchronous response is being written, on another thread than the request's: the observers are done with
     * it, whether or not the container reports the response complete later.
     */
    void respondingElsewhere() {
        monitor.ended(this);
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

    /** @return true the first time only, so that the observers hear of the request's end exactly once */
    synchronized boolean markEnded() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    /**
     * @param nowNanos    the time by {@link System#nanoTime()}
     * @param boundNanos  a duration
     * @return whether the request started more than {@code boundNanos} ago
     */
    public boolean olderThan(long nowNanos, long boundNanos) {
        return nowNanos - startNanos > boundNanos;
    }
}
