package dev.fmd.ui;

import dev.fmd.query.HourlyHits;
import dev.fmd.query.TimeWindow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** The axes the pages' charts share: the days of a window, the hours of a day, and the hourly heatmap built on them. */
final class ChartAxes {

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final List<String> HOURS = IntStream.range(0, 24).mapToObj(h -> String.format("%02d", h))
            .toList();

    private ChartAxes() {
    }

    /**
     * @param window a window
     * @param zone   the zone of the days
     * @return every day the window touches in that zone, in order
     */
    static List<LocalDate> days(TimeWindow window, ZoneId zone) {
        LocalDate first = window.from().atZone(zone).toLocalDate();
        LocalDate last = window.to().minusNanos(1).atZone(zone).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** @return the UTC days a window touches, as ISO dates: the categories of the daily charts */
    static List<String> utcDays(TimeWindow window) {
        return days(window, ZoneOffset.UTC).stream().map(LocalDate::toString).toList();
    }

    /**
     * @param cells  requests per local day and hour
     * @param window the window they were read for
     * @param zone   their zone
     * @return the hour × day heatmap, one row per day of the window (empty days too), the latest at the top
     */
    static String heatmap(List<HourlyHits> cells, TimeWindow window, ZoneId zone) {
        List<LocalDate> days = days(window, zone);
        // add days the hourly rollup reaches beyond the window's edges (it is read by whole hours)
        Map<LocalDate, Integer> rows = new TreeMap<>();
        days.forEach(d -> rows.put(d, 0));
        cells.forEach(c -> rows.put(c.day(), 0));
        List<LocalDate> ordered = new ArrayList<>(rows.keySet());
        java.util.Collections.reverse(ordered);
        for (int i = 0; i < ordered.size(); i++) {
            rows.put(ordered.get(i), i);
        }
        List<double[]> data = cells.stream().map(c -> new double[] {c.hour(), rows.get(c.day()), c.hits()}).toList();
        return ChartJson.heatmap(HOURS, ordered.stream().map(DAY_LABEL::format).toList(), data, "requests", false);
    }
}
