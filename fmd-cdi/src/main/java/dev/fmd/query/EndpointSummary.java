package dev.fmd.query;

import java.time.Instant;

/**
 * One line of the dashboard's overview.
 *
 * @param id            the endpoint's id
 * @param name          {@code ResourceClass.method}
 * @param httpMethod    {@code GET}, {@code POST}, ...
 * @param path          the path template
 * @param level         the monitoring level
 * @param hits          requests measured since the endpoint was added
 * @param hitsToday     requests measured since midnight UTC
 * @param hitsWeek      requests measured in the last 7 days
 * @param windowHits    requests measured in the window
 * @param medianMs      median duration in the window in ms, or NaN without requests
 * @param p90Ms         90th percentile in the window, or NaN
 * @param p99Ms         99th percentile in the window, or NaN
 * @param clientErrors  4xx answers in the window
 * @param serverErrors  5xx answers in the window
 * @param lastRequested when it was last requested, or null
 */
public record EndpointSummary(long id, String name, String httpMethod, String path, int level, long hits,
                              long hitsToday, long hitsWeek, long windowHits, double medianMs, double p90Ms,
                              double p99Ms, long clientErrors, long serverErrors, Instant lastRequested) {
}
