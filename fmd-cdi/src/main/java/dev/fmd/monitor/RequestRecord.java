package dev.fmd.monitor;

/**
 * One finished request, as handed from the request thread to the store: immutable, and holding only what is needed.
 *
 * @param endpoint       the endpoint that served it
 * @param measured       false at level 0, where only the endpoint's last-requested time is kept
 * @param epochMillis    when it started, in milliseconds since the epoch (UTC)
 * @param durationNanos  how long until its response was complete
 * @param version        the application version
 * @param groupBy        the group-by value, or null
 * @param ip             the client address
 * @param status         the HTTP status the client got
 * @param exception      the class name of the exception that escaped the resource method, or that ended the
 *                       request before it (a parameter's conversion, a Bean Validation constraint, a locator, no
 *                       match), or null
 * @param handle         receives the row's id, for requests of level 2 or more; else null
 */
public record RequestRecord(Endpoint endpoint, boolean measured, long epochMillis, long durationNanos,
                            String version, String groupBy, String ip, int status, String exception,
                            RequestHandle handle) {
}
