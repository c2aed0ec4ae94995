package dev.fmd.query;

/**
 * The durations of one endpoint's requests in a window, for the app-wide box plot per endpoint.
 * <pre>
 * performance.endpoints(window).forEach(e -&gt; box(e.endpointName(), e.stats()));
 * </pre>
 *
 * @param endpointId   the endpoint
 * @param endpointName its name
 * @param stats        its requests' figures
 */
public record EndpointPerformance(long endpointId, String endpointName, RequestStats stats) {
}
