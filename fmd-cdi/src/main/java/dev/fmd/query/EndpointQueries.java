package dev.fmd.query;

import java.time.Instant;
import java.util.List;

/**
 * The overview of every endpoint, from the rollups (never raw requests), so a page costs the same at ten requests or
 * ten million:
 * <pre>
 * List&lt;EndpointSummary&gt; rows = queries.overview(TimeWindow.last(Duration.ofDays(7), now), now);
 * </pre>
 */
public interface EndpointQueries {

    /**
     * @param window the window of the percentiles and error counts
     * @param now    the current time (for "today" and "last 7 days")
     * @return every endpoint, by name
     * @throws IllegalStateException when fmd's database is not ready
     */
    List<EndpointSummary> overview(TimeWindow window, Instant now);
}
