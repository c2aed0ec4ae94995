package dev.fmd.query;

import java.time.LocalDate;

/**
 * One cell of an hourly-load heatmap (hour of the day × day), in the time zone the page asked for.
 * <pre>
 * for (HourlyHits cell : usage.hourlyLoad(window, zone)) {
 *     grid[days.indexOf(cell.day())][cell.hour()] = cell.hits();   // cells without requests are not listed
 * }
 * </pre>
 *
 * @param day  the local day
 * @param hour the local hour of the day, 0 to 23
 * @param hits requests in that hour
 */
public record HourlyHits(LocalDate day, int hour, long hits) {
}
