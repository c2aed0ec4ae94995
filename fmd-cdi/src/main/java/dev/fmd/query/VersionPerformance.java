package dev.fmd.query;

/**
 * The durations of one endpoint's requests in one version, for the per-version box plot.
 * <pre>
 * performance.versions(endpointId, window).forEach(v -&gt; box(v.version(), v.stats()));
 * </pre>
 *
 * @param version the application version
 * @param stats   the figures of the endpoint's requests in that version
 */
public record VersionPerformance(String version, RequestStats stats) {
}
