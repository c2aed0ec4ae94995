package dev.fmd.query;

import java.time.LocalDate;

/**
 * Requests of one endpoint on one day (UTC), for the daily-utilisation graph.
 * <pre>
 * Map&lt;LocalDate, Long&gt; perDay = usage.dailyHits(window).stream()
 *         .collect(Collectors.groupingBy(DailyHits::day, Collectors.summingLong(DailyHits::hits)));
 * </pre>
 *
 * @param day          the day (UTC)
 * @param endpointId   the endpoint
 * @param endpointName its name, {@code ResourceClass.method}
 * @param hits         its requests that day
 */
public record DailyHits(LocalDate day, long endpointId, String endpointName, long hits) {
}
