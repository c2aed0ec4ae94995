package dev.fmd.query;

import java.util.List;

/**
 * One endpoint's requests per user (or IP) both ways, read at once: per value and version (the bubble chart) and per
 * value over every version (the box plot).
 * <pre>
 * DimensionBreakdown users = dimensions.breakdown(endpointId, Dimension.USER, window);
 * bubbles(users.byVersion());
 * boxes(users.byValue());
 * </pre>
 *
 * @param byVersion as {@link DimensionQueries#byVersion}
 * @param byValue   as {@link DimensionQueries#byValue}
 */
public record DimensionBreakdown(List<DimensionStats> byVersion, List<DimensionStats> byValue) {
}
