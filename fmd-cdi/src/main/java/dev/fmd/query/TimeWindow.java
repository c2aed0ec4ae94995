package dev.fmd.query;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a dashboard page looks at: from (inclusive) to (exclusive), UTC instants. Rollups are read by whole hours:
 * a window is widened to the hours it touches.
 * <pre>
 * TimeWindow week = TimeWindow.last(Duration.ofDays(7), Instant.now());
 * </pre>
 *
 * @param from the first instant
 * @param to   the instant after the last
 */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a window's start must be before its end: " + from + " .. " + to);
        }
    }

    /**
     * @param length how far back
     * @param now    the end
     * @return the window of that length ending now
     */
    public static TimeWindow last(Duration length, Instant now) {
        return new TimeWindow(now.minus(length), now);
    }
}
