package dev.fmd.query;

import java.util.List;

/**
 * How fast endpoints answer: the app-wide box plot per endpoint and, per endpoint, the box plot per version and the
 * hourly and daily series per version. Read from the hourly and daily rollups (one query each, plus one for the
 * endpoint names), whose histograms are merged here: percentiles are within 1% of the exact ones.
 * <pre>
 * &#64;Inject PerformanceQueries performance;
 * TimeWindow month = TimeWindow.last(Duration.ofDays(30), Instant.now());
 * List&lt;EndpointPerformance&gt; boxes = performance.endpoints(month);
 * List&lt;SeriesPoint&gt; daily = performance.daily(endpointId, month);
 * </pre>
 * Window figures and hourly series cover the whole hours the window touches; daily series the whole UTC days.
 * Every method throws {@link IllegalStateException} when fmd's database is not ready.
 */
public interface PerformanceQueries {

    /**
     * @param window the hours to read
     * @return every endpoint with requests in the window, by name, with their figures
     */
    List<EndpointPerformance> endpoints(TimeWindow window);

    /**
     * @param endpointId the endpoint
     * @param window     the hours to read
     * @return its figures per version, in the order the versions first appear in the window
     */
    List<VersionPerformance> versions(long endpointId, TimeWindow window);

    /**
     * @param endpointId the endpoint
     * @param window     the hours to read
     * @return its figures per hour and version, by hour, then version; hours without requests are left out
     */
    List<SeriesPoint> hourly(long endpointId, TimeWindow window);

    /**
     * @param endpointId the endpoint
     * @param window     the days to read
     * @return its figures per UTC day and version, by day, then version; days without requests are left out
     */
    List<SeriesPoint> daily(long endpointId, TimeWindow window);
}
