package dev.fmd.store;

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
 * @param medianMs      median duration over the last 7 days in ms, or NaN without requests
 * @param lastRequested when it was last requested, or null
 */
public record EndpointSummary(long id, String name, String httpMethod, String path, int level, long hits,
                              long hitsToday, double medianMs, Instant lastRequested) {
}
