package dev.fmd.query;

/**
 * How many of an endpoint's requests a version served, for the multi-version utilisation graph.
 * <pre>
 * for (VersionShare s : usage.versionShares(window)) {
 *     cell(s.endpointName(), s.version(), String.format("%.0f %%", 100 * s.share()));
 * }
 * </pre>
 *
 * @param endpointId   the endpoint
 * @param endpointName its name
 * @param version      the application version
 * @param hits         the endpoint's requests in that version
 * @param share        {@code hits} divided by the endpoint's requests in every version, 0 to 1
 */
public record VersionShare(long endpointId, String endpointName, String version, long hits, double share) {
}
