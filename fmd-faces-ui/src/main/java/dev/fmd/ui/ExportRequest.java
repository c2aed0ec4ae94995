package dev.fmd.ui;

import dev.fmd.query.ExportKind;
import dev.fmd.query.TimeWindow;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The parameters of an export ({@code /<link>/export}), checked:
 * <ul>
 * <li>{@code what}: {@code requests} (default), {@code aggregates} or {@code outliers};</li>
 * <li>{@code format}: {@code csv} (default) or {@code json};</li>
 * <li>{@code from}, {@code to}: the window, as ISO-8601 instants ({@code 2026-12-01T00:00:00Z}, an offset such as
 * {@code +01:00} allowed) or local date-times ({@code 2026-12-01T00:00}) in {@code zone} (default UTC); {@code to}
 * defaults to now, {@code from} to 24 hours before {@code to}; both from 1970 to the year 9999;</li>
 * <li>{@code instance}: only the rows of that instance (optional, at most 200 characters).</li>
 * </ul>
 * <pre>
 * ExportRequest export = ExportRequest.parse(request::getParameter, Instant.now());
 * export.fileName();   // fmd-requests-20261201T0000Z-20261202T0000Z.csv
 * </pre>
 *
 * @param kind   what is exported
 * @param format how
 * @param window which rows
 */
public record ExportRequest(ExportKind kind, ExportFormat format, TimeWindow window) {

    /** The window when {@code from} is not given: the day before {@code to}. */
    static final Duration DEFAULT_LENGTH = Duration.ofDays(1);

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    /** A parameter that is wrong, with what is expected. */
    public static final class BadParameter extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadParameter(String name, String value, String expected) {
            super("parameter '" + name + "'" + (value == null ? "" : "=" + (value.length() <= 60 ? value
                    : value.substring(0, 60) + "…")) + ": " + expected);
        }
    }

    /**
     * @param parameters the request's parameters by name (null when absent)
     * @param now        the time of the request, the default end
     * @return the export asked for
     * @throws BadParameter naming the first wrong parameter and what it expects
     */
    public static ExportRequest parse(Function<String, String> parameters, Instant now) {
        ExportKind kind = choice(parameters, "what", "requests", ExportKind::of);
        ExportFormat format = choice(parameters, "format", "csv", ExportFormat::of);
        ZoneId zone = choice(parameters, "zone", "UTC", ZoneId::of);
        Instant to = time(parameters, "to", zone);
        to = to == null ? now : to;
        Instant from = time(parameters, "from", zone);
        from = from == null ? to.minus(DEFAULT_LENGTH) : from;
        if (!from.isBefore(to)) {
            throw new BadParameter("from", parameters.apply("from"), "expected a time before 'to' (" + to + ")");
        }
        String instance = parameters.apply("instance");
        if (instance != null && instance.length() > PageParameters.MAX_TEXT) {
            throw new BadParameter("instance", instance, "expected at most " + PageParameters.MAX_TEXT
                    + " characters");
        }
        return new ExportRequest(kind, format, new TimeWindow(from, to).on(instance == null ? null : instance.trim()));
    }

    /** @return the name of the file, e.g. {@code fmd-requests-20261201T0000Z-20261202T0000Z.csv} */
    public String fileName() {
        return "fmd-" + kind.key() + "-" + FILE_TIME.format(window.from()) + "-" + FILE_TIME.format(window.to())
                + "." + format.key();
    }

    private static <T> T choice(Function<String, String> parameters, String name, String fallback,
                                Function<String, T> parse) {
        String value = parameters.apply(name);
        try {
            return parse.apply(value == null || value.isBlank() ? fallback : value.trim());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BadParameter(name, value, e instanceof DateTimeException
                    ? "expected a time zone such as UTC or Europe/Amsterdam" : e.getMessage());
        }
    }

    private static Instant time(Function<String, String> parameters, String name, ZoneId zone) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant time = parsed(value.trim(), zone);
        if (time == null) {
            throw new BadParameter(name, value, "expected an ISO-8601 time such as 2026-12-01T00:00:00Z, or "
                    + "2026-12-01T00:00 in the parameter 'zone' (default UTC)");
        }
        if (!PageParameters.inRange(time)) {
            throw new BadParameter(name, value, "expected a time from 1970 to the year 9999");
        }
        return time;
    }

    private static Instant parsed(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
