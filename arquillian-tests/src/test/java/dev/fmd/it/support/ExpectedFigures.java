package dev.fmd.it.support;

import dev.fmd.it.queries.SeededRequest;
import dev.fmd.query.HourlyHits;
import dev.fmd.query.RequestStats;
import dev.fmd.query.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the query services must answer, computed here from the seeded requests alone, following the contracts in
 * {@code dev.fmd.query}: figures over a window cover the whole UTC hours it touches, day figures the whole UTC days;
 * counts and means are exact, a percentile is within 1% of the {@code ceil(q·n)}-th smallest duration.
 */
public final class ExpectedFigures {

    private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};

    private ExpectedFigures() {
    }

    /** @return the requests of one endpoint */
    public static List<SeededRequest> of(List<SeededRequest> requests, String endpoint) {
        return only(requests, r -> r.endpoint().equals(endpoint));
    }

    /** @return the requests from {@code from} (inclusive) to {@code to} (exclusive) */
    public static List<SeededRequest> between(List<SeededRequest> requests, Instant from, Instant to) {
        return only(requests, r -> !r.time().isBefore(from) && r.time().isBefore(to));
    }

    /** @return the requests in the whole UTC hours the window touches */
    public static List<SeededRequest> inHours(List<SeededRequest> requests, TimeWindow window) {
        return between(requests, window.from().truncatedTo(ChronoUnit.HOURS),
                window.to().minusNanos(1).truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
    }

    /** @return the requests in the whole UTC days the window touches */
    public static List<SeededRequest> inDays(List<SeededRequest> requests, TimeWindow window) {
        return between(requests, window.from().truncatedTo(ChronoUnit.DAYS),
                window.to().minusNanos(1).truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS));
    }

    /** @return the requests that match */
    public static List<SeededRequest> only(List<SeededRequest> requests, Predicate<SeededRequest> which) {
        return requests.stream().filter(which).toList();
    }

    /** @return the requests by key, keys in their natural order */
    public static <K extends Comparable<? super K>> TreeMap<K, List<SeededRequest>> group(
            List<SeededRequest> requests, Function<SeededRequest, K> key) {
        return requests.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    /** @return the versions of the requests, the one that served the earliest request first */
    public static List<String> versionsInOrderOfAppearance(List<SeededRequest> requests) {
        return requests.stream().sorted(Comparator.comparing(SeededRequest::time)).map(SeededRequest::version)
                .distinct().toList();
    }

    /**
     * @param requests some requests
     * @param order    versions in the order the services list them, e.g. {@link #versionsInOrderOfAppearance}
     * @return the requests of each version they have, in that order
     */
    public static Map<String, List<SeededRequest>> byVersion(List<SeededRequest> requests, List<String> order) {
        Map<String, List<SeededRequest>> byVersion = new LinkedHashMap<>();
        order.forEach(version -> {
            List<SeededRequest> of = only(requests, r -> r.version().equals(version));
            if (!of.isEmpty()) {
                byVersion.put(version, of);
            }
        });
        return byVersion;
    }

    /**
     * The heatmap's cells: a request counts at the local day and hour at which its UTC hour starts (the same as its
     * own local hour in a zone whose offset is whole hours; in Asia/Kolkata, 18:45 UTC counts at 23:00 local, as
     * {@code UsageQueries#hourlyLoad} documents).
     *
     * @return the cells with requests, by day and hour
     */
    public static List<HourlyHits> heatmap(List<SeededRequest> requests, ZoneId zone) {
        Map<LocalDateTime, Long> cells = requests.stream().collect(Collectors.groupingBy(r -> r.time()
                .truncatedTo(ChronoUnit.HOURS).atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.HOURS),
                TreeMap::new, Collectors.counting()));
        return cells.entrySet().stream().map(c -> new HourlyHits(c.getKey().toLocalDate(), c.getKey().getHour(),
                c.getValue())).toList();
    }

    /** @return the exact figures of the requests: counts, mean, percentiles (NaN without requests) */
    public static RequestStats stats(List<SeededRequest> requests) {
        double[] sorted = requests.stream().mapToDouble(SeededRequest::ms).sorted().toArray();
        double[] q = new double[QUANTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = sorted.length == 0 ? Double.NaN
                    : sorted[(int) Math.max(1, (long) Math.ceil(QUANTILES[i] * sorted.length)) - 1];
        }
        return new RequestStats(requests.size(), requests.stream().filter(r -> r.status() / 100 == 4).count(),
                requests.stream().filter(r -> r.status() / 100 == 5).count(),
                requests.stream().mapToDouble(SeededRequest::ms).average().orElse(Double.NaN),
                q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
    }

    /**
     * @param exact the figures {@link #stats} computed
     * @param read  what a service answered
     * @param what  names the figures in a failure
     */
    public static void assertStats(RequestStats exact, RequestStats read, String what) {
        assertEquals(exact.hits(), read.hits(), what + ": hits");
        assertEquals(exact.clientErrors(), read.clientErrors(), what + ": 4xx");
        assertEquals(exact.serverErrors(), read.serverErrors(), what + ": 5xx");
        if (Double.isNaN(exact.meanMs())) {
            assertTrue(Double.isNaN(read.meanMs()), what + ": no request, yet a mean of " + read.meanMs());
        } else {
            assertEquals(exact.meanMs(), read.meanMs(), exact.meanMs() * 1e-9, what + ": mean");
        }
        assertNear(exact.p5Ms(), read.p5Ms(), what + ": p5");
        assertNear(exact.p25Ms(), read.p25Ms(), what + ": p25");
        assertNear(exact.medianMs(), read.medianMs(), what + ": median");
        assertNear(exact.p75Ms(), read.p75Ms(), what + ": p75");
        assertNear(exact.p90Ms(), read.p90Ms(), what + ": p90");
        assertNear(exact.p95Ms(), read.p95Ms(), what + ": p95");
        assertNear(exact.p99Ms(), read.p99Ms(), what + ": p99");
    }

    /** Within 1% of the exact percentile; NaN where there is no request. */
    private static void assertNear(double exact, double read, String what) {
        if (Double.isNaN(exact)) {
            assertTrue(Double.isNaN(read), what + ": no request, yet read " + read);
        } else {
            assertTrue(Math.abs(read - exact) <= 0.01 * exact, what + ": read " + read + " ms, exactly " + exact);
        }
    }

    /** @return the start of the request's UTC hour */
    public static Instant hourOf(SeededRequest request) {
        return request.time().truncatedTo(ChronoUnit.HOURS);
    }

    /** @return the start of the request's UTC day */
    public static Instant dayOf(SeededRequest request) {
        return request.time().truncatedTo(ChronoUnit.DAYS);
    }

    /** @return the UTC day of the instant */
    public static LocalDate utcDay(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDate();
    }
}
