package dev.fmd.query;

/**
 * The figures of one endpoint's requests from one user or IP, in one version or in all of them: a cell of the
 * user × version (or IP × version) bubble chart, or a box of the per-user box plot.
 * <pre>
 * for (DimensionStats cell : dimensions.byVersion(endpointId, Dimension.USER, window)) {
 *     bubble(cell.value(), cell.version(), cell.stats().medianMs(), cell.stats().hits());
 * }
 * </pre>
 *
 * @param value   the user or IP, {@link Dimension#OTHER} or {@link Dimension#NONE}
 * @param version the application version, or null for all versions
 * @param stats   the figures of those requests
 */
public record DimensionStats(String value, String version, RequestStats stats) {
}
