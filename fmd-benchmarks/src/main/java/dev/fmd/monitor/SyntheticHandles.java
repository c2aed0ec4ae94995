package dev.fmd.monitor;

/** Request handles for synthetic requests (the data generator), whose constructor the request path keeps to itself. */
public final class SyntheticHandles {

    private SyntheticHandles() {
    }

    /**
     * @param endpoint    the request's endpoint
     * @param epochMillis when it started
     * @return a handle that the writer fills with the request row's id
     */
    public static RequestHandle of(Endpoint endpoint, long epochMillis) {
        return new RequestHandle(endpoint, epochMillis);
    }
}
