package dev.fmd.query;

import java.time.LocalDate;

/**
 * How often an endpoint answered with one HTTP status on one day (UTC), for the status-code graph.
 * <pre>
 * long notFound = dimensions.statusCodes(endpointId, window).stream()
 *         .filter(s -&gt; s.status() == 404).mapToLong(StatusHits::hits).sum();
 * </pre>
 *
 * @param day    the day (UTC)
 * @param status the HTTP status the clients got
 * @param hits   requests answered with it that day
 */
public record StatusHits(LocalDate day, int status, long hits) {
}
