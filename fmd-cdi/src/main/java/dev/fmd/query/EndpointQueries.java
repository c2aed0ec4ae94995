package dev.fmd.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The overview of every endpoint, or the same line of one, from the rollups (never raw requests), so a page costs the
 * same at ten requests or ten million:
 * <pre>
 * List&lt;EndpointSummary&gt; rows = queries.overview(TimeWindow.last(Duration.ofDays(7), now), now);
 * Optional&lt;EndpointSummary&gt; one = queries.summary(id, TimeWindow.last(Duration.ofDays(7), now), now);
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

    /**
     * One endpoint's line of {@link #overview}, equal to it, read from that endpoint's rollup rows only (on their
     * key), so that a page about one endpoint does not pay for every endpoint's histograms.
     *
     * @param endpointId the endpoint
     * @param window     the window of the percentiles and error counts
     * @param now        the current time (for "today" and "last 7 days")
     * @return its line, or empty when no endpoint has this id
     * @throws IllegalStateException when fmd's database is not ready
     */
    Optional<EndpointSummary> summary(long endpointId, TimeWindow window, Instant now);
}
