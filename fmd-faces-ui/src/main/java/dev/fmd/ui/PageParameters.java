package dev.fmd.ui;

import dev.fmd.query.RequestCursor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of the dashboard's pages, checked before a page is shown: a wrong one is answered 400 with a message
 * naming it ({@link DashboardGuard}), never a silent default or a 500. Absent or empty parameters are fine (the
 * page's default); an id that is well formed but names nothing is fine too (the page says so).
 * <ul>
 * <li>{@code id}, {@code r}, {@code o}: ids, 1 to 18 digits, with a minus sign for the rows a test or a tool wrote
 * below fmd's own ids;</li>
 * <li>{@code w}: {@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}, {@code 90d} or {@code custom}; with {@code custom}
 * also {@code from} and {@code to}, as {@code yyyy-MM-ddTHH:mm}, from before to, at most {@value #MAX_CUSTOM_DAYS}
 * days apart (without {@code custom} they are not used and not checked);</li>
 * <li>{@code before}: a list's cursor, {@code <ISO instant>_<id>};</li>
 * <li>{@code i} (instance), {@code v}, {@code vs} (versions): at most {@value #MAX_TEXT} characters;</li>
 * <li>{@code test} (a test on the Testmonitor, {@code Class#method}): at most {@value #MAX_TEST_NAME}
 * characters, as uploads take them.</li>
 * </ul>
 * Only the query string is checked (a Faces postback's form fields are the page's own); other parameters are not the
 * dashboard's and are left alone.
 */
final class PageParameters {

    /** The longest custom window, in days: its charts have a row per day. */
    static final int MAX_CUSTOM_DAYS = 3660;
    /** The longest instance name or version taken. */
    static final int MAX_TEXT = 200;
    /** The longest test name taken: an upload's longest. */
    static final int MAX_TEST_NAME = 500;
    /** The format of {@code from} and {@code to}, as an HTML {@code datetime-local} input sends them. */
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** The earliest time a page or an export takes: fmd stores nothing older. */
    static final Instant EARLIEST = Instant.EPOCH;
    /** The first time a page or an export no longer takes: the year 10000. */
    static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private static final Pattern ID = Pattern.compile("-?\\d{1,18}");
    private static final Set<String> IDS = Set.of("id", "r", "o");
    private static final Set<String> TEXTS = Set.of("i", "v", "vs");

    private PageParameters() {
    }

    /**
     * @param query a page request's query string, or null
     * @return what is wrong with it, naming the parameter; empty when it is fine
     */
    static Optional<String> problem(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, java.util.List<String>> values = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of("the query string is not URL-encoded: " + shorten(pair));
            }
            values.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
        for (var entry : values.entrySet()) {
            for (String value : entry.getValue()) {
                Optional<String> problem = problem(entry.getKey(), value);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        if (values.getOrDefault("w", java.util.List.of()).contains("custom")) {
            return customProblem(first(values, "from"), first(values, "to"));
        }
        return Optional.empty();
    }

    private static String first(java.util.Map<String, java.util.List<String>> values, String name) {
        java.util.List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    private static Optional<String> problem(String name, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (IDS.contains(name) && !ID.matcher(value).matches()) {
            return bad(name, value, "expected an id (a whole number of 1 to 18 digits)");
        }
        if (TEXTS.contains(name) && value.length() > MAX_TEXT) {
            return bad(name, value, "expected at most " + MAX_TEXT + " characters");
        }
        if (name.equals("test") && value.length() > MAX_TEST_NAME) {
            return bad(name, value, "expected a test name (Class#method) of at most " + MAX_TEST_NAME
                    + " characters");
        }
        if (name.equals("w") && !value.equals("custom") && !DashboardView.WINDOWS.containsKey(value)) {
            return bad(name, value, "expected one of " + String.join(", ", DashboardView.WINDOWS.keySet())
                    + ", custom");
        }
        if (name.equals("before") && cursor(value) == null) {
            return bad(name, value, "expected a list position such as 2026-12-01T10:00:00Z_42");
        }
        return Optional.empty();
    }

    private static Optional<String> customProblem(String from, String to) {
        LocalDateTime start = time(from);
        if (start == null) {
            return bad("from", from, "a custom window needs a start such as 2026-12-01T10:00");
        }
        LocalDateTime end = time(to);
        if (end == null) {
            return bad("to", to, "a custom window needs an end such as 2026-12-02T10:00");
        }
        if (start.getYear() < 1970) {
            return bad("from", from, "expected a time after 1970");
        }
        if (!start.isBefore(end)) {
            return bad("from", from, "expected a start before the end (" + to + ")");
        }
        if (Duration.between(start, end).toDays() > MAX_CUSTOM_DAYS) {
            return bad("to", to, "expected a window of at most " + MAX_CUSTOM_DAYS + " days");
        }
        return Optional.empty();
    }

    /**
     * @param value {@code from} or {@code to}, or null
     * @return it as a local time, or null when it is missing or malformed
     */
    static LocalDateTime time(String value) {
        if (value == null || value.length() != 16) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, INPUT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param value the parameter {@code before}, or null
     * @return the cursor it names, or null when it is missing or malformed
     */
    static RequestCursor cursor(String value) {
        int at = value == null ? -1 : value.lastIndexOf('_');
        if (at < 1 || value.length() > 80 || !ID.matcher(value.substring(at + 1)).matches()) {
            return null;
        }
        try {
            Instant time = Instant.parse(value.substring(0, at));
            return inRange(time) ? new RequestCursor(time, Long.parseLong(value.substring(at + 1))) : null;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param time a time asked for
     * @return true when it is from 1970 to the year 9999, the times fmd's database takes
     */
    static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && time.isBefore(LATEST);
    }

    private static Optional<String> bad(String name, String value, String expected) {
        return Optional.of("parameter '" + name + "'" + (value == null ? "" : "=" + shorten(value)) + ": "
                + expected);
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
