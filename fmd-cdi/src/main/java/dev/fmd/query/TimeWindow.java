package dev.fmd.query;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a dashboard page looks at: from (inclusive) to (exclusive), UTC instants, optionally narrowed to the
 * requests of one server instance. Rollups are read by whole hours: a window is widened to the hours it touches.
 * <pre>
 * TimeWindow week = TimeWindow.last(Duration.ofDays(7), Instant.now());
 * TimeWindow weekOfNode2 = week.on("node-2");
 * </pre>
 *
 * @param from     the first instant
 * @param to       the instant after the last
 * @param instance the only instance ({@code fmd.instance}) whose requests count, or null for every instance
 */
public record TimeWindow(Instant from, Instant to, String instance) {

    public TimeWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a window's start must be before its end: " + from + " .. " + to);
        }
    }

    /**
     * @param from the first instant
     * @param to   the instant after the last
     */
    public TimeWindow(Instant from, Instant to) {
        this(from, to, null);
    }

    /**
     * @param length how far back
     * @param now    the end
     * @return the window of that length ending now, over every instance
     */
    public static TimeWindow last(Duration length, Instant now) {
        return new TimeWindow(now.minus(length), now);
    }

    /**
     * @param name an instance name, or null (or empty) for every instance
     * @return this time span, counting only the requests of that instance
     */
    public TimeWindow on(String name) {
        return new TimeWindow(from, to, name == null || name.isEmpty() ? null : name);
    }

    /**
     * @param start the first instant
     * @param end   the instant after the last
     * @return another time span over the same instances as this one
     */
    public TimeWindow span(Instant start, Instant end) {
        return new TimeWindow(start, end, instance);
    }
}
