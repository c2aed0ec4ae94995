package dev.fmd.query;

import java.util.List;

/**
 * Who asked one endpoint and what they got: its requests per user or IP (per version, or over all versions) and per
 * HTTP status and day. Read from the day rollups {@code rollup_dimension} and {@code rollup_status}, one query each;
 * figures cover the whole UTC days the window touches.
 * <pre>
 * &#64;Inject DimensionQueries dimensions;
 * List&lt;DimensionStats&gt; cells = dimensions.byVersion(endpointId, Dimension.IP, window);   // IP × version
 * List&lt;DimensionStats&gt; boxes = dimensions.byValue(endpointId, Dimension.USER, window);    // per-user box plot
 * </pre>
 * Values beyond the first {@code fmd.top-values} of a day are counted under {@link Dimension#OTHER}, so that these
 * reads stay small however many users or IPs there are.
 * Every method throws {@link IllegalStateException} when fmd's database is not ready.
 */
public interface DimensionQueries {

    /**
     * @param endpointId the endpoint
     * @param dimension  users or IPs
     * @param window     the days to read
     * @return the figures per value and version, by value, then version (in the order the versions first appear)
     */
    List<DimensionStats> byVersion(long endpointId, Dimension dimension, TimeWindow window);

    /**
     * @param endpointId the endpoint
     * @param dimension  users or IPs
     * @param window     the days to read
     * @return the figures per value over every version (version null), by value
     */
    List<DimensionStats> byValue(long endpointId, Dimension dimension, TimeWindow window);

    /**
     * Both of the above from one read of the rollup (a page that shows both reads the rows once, not twice).
     *
     * @param endpointId the endpoint
     * @param dimension  users or IPs
     * @param window     the days to read
     * @return what {@link #byVersion} and {@link #byValue} return for these arguments (per value, the mean may
     *         differ in its last digits: the same durations are added in another order)
     */
    DimensionBreakdown breakdown(long endpointId, Dimension dimension, TimeWindow window);

    /**
     * @param endpointId the endpoint
     * @param window     the days to read
     * @return its requests per day and status, by day, then status
     */
    List<StatusHits> statusCodes(long endpointId, TimeWindow window);
}
