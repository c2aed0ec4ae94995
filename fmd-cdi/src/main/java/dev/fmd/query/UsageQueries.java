package dev.fmd.query;

import java.time.ZoneId;
import java.util.List;

/**
 * How much the application is used: the app-wide graphs of the dashboard (hourly load, daily utilisation,
 * multi-version utilisation) and the hourly load of one endpoint. Read from the hourly and daily rollups with one
 * query each (plus one for the endpoint names), summed by the database.
 * <pre>
 * &#64;Inject UsageQueries usage;
 * TimeWindow week = TimeWindow.last(Duration.ofDays(7), Instant.now());
 * List&lt;HourlyHits&gt; heatmap = usage.hourlyLoad(week, ZoneId.of("Europe/Amsterdam"));
 * List&lt;DailyHits&gt; daily = usage.dailyHits(week);
 * </pre>
 * Hourly figures cover the whole hours the window touches; daily ones the whole UTC days it touches.
 * Every method throws {@link IllegalStateException} when fmd's database is not ready.
 */
public interface UsageQueries {

    /**
     * @param window the hours to count
     * @param zone   the time zone of the days and hours (for a zone whose offset is not a whole number of hours, an
     *               hour counts at the local time its UTC hour starts)
     * @return requests to every endpoint per local day and hour, by day and hour; hours without requests are left
     *         out
     */
    List<HourlyHits> hourlyLoad(TimeWindow window, ZoneId zone);

    /**
     * @param endpointId the endpoint
     * @param window     the hours to count
     * @param zone       the time zone of the days and hours
     * @return requests to that endpoint per local day and hour, as {@link #hourlyLoad(TimeWindow, ZoneId)}
     */
    List<HourlyHits> hourlyLoad(long endpointId, TimeWindow window, ZoneId zone);

    /**
     * @param window the days to count
     * @return requests per UTC day and endpoint, by day and endpoint name; days without requests are left out
     */
    List<DailyHits> dailyHits(TimeWindow window);

    /**
     * @param window the days to count
     * @return requests to every endpoint per UTC day and version, by day, then version (in the order the versions
     *         first appear in the window); days without requests are left out
     */
    List<VersionHits> dailyVersions(TimeWindow window);

    /**
     * @param window the hours to count
     * @return per endpoint (by name) and version (in the order the versions first appear in the window), the
     *         endpoint's requests in that version and their share of its requests
     */
    List<VersionShare> versionShares(TimeWindow window);
}
