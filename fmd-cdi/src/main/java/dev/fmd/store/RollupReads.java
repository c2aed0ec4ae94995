package dev.fmd.store;

import dev.fmd.query.RequestStats;
import dev.fmd.query.TimeWindow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sums of a time window from the rollups, for every query service, with one query per table and time
 * range:
 * <ul>
 * <li>{@link #window}: whole days from {@code rollup_day}, the hours at either edge from {@code rollup} (the hourly
 * one), so that a 90-day window reads about 90 rows per endpoint and version rather than 2,160;</li>
 * <li>{@link #buckets}: one table over the hours or days the window touches, e.g. grouped by its bucket for a time
 * series.</li>
 * </ul>
 * With {@link Figures#COUNTS} the database adds the rows up ({@code GROUP BY}), so the answer has one row per group;
 * with {@link Figures#DURATIONS} every row comes back with its histogram, merged here, as a database cannot add
 * histograms up.
 * <pre>
 * Map&lt;List&lt;Object&gt;, Sums&gt; byEndpoint = reads.window(em, window, Figures.DURATIONS, "endpoint_id", null);
 * </pre>
 */
final class RollupReads {

    /** What a read needs. */
    enum Figures {
        /** hits, errors, total time and the first bucket: summed by the database */
        COUNTS,
        /** the counts and the histograms, for percentiles */
        DURATIONS
    }

    private final Schema schema;

    RollupReads(Schema schema) {
        this.schema = schema;
    }

    /** What the rollup rows of one group add up to. */
    static final class Sums {
        long hits;
        long errors;
        long clientErrors;
        double totalMs;
        /** the first bucket (hour or day start, UTC) with requests of the group, or null */
        LocalDateTime first;
        final DurationHistogram histogram = new DurationHistogram();

        void add(LocalDateTime bucket, long moreHits, long moreErrors, long moreClientErrors, double moreTotalMs,
                 String encoded) {
            hits += moreHits;
            errors += moreErrors;
            clientErrors += moreClientErrors;
            totalMs += moreTotalMs;
            histogram.mergeEncoded(encoded);
            if (bucket != null && (first == null || bucket.isBefore(first))) {
                first = bucket;
            }
        }

        /** Adds another group's sums to these, as if its rows had been read into this group. */
        void add(Sums other) {
            hits += other.hits;
            errors += other.errors;
            clientErrors += other.clientErrors;
            totalMs += other.totalMs;
            histogram.merge(other.histogram);
            if (other.first != null && (first == null || other.first.isBefore(first))) {
                first = other.first;
            }
        }

        /** @return the quantile in ms, or NaN without requests (or when read without histograms) */
        double quantile(double q) {
            return histogram.quantile(q);
        }

        /** @return the figures the pages show, from sums read with {@link Figures#DURATIONS} */
        RequestStats stats() {
            return new RequestStats(hits, clientErrors, errors, hits == 0 ? Double.NaN : totalMs / hits,
                    quantile(0.05), quantile(0.25), quantile(0.5), quantile(0.75), quantile(0.9), quantile(0.95),
                    quantile(0.99));
        }
    }

    /**
     * @param em      an entity manager
     * @param window  the window, widened to whole hours, and its instance
     * @param figures what to read
     * @param groupBy columns of both tables to group by, e.g. {@code "endpoint_id, version"}
     * @param filter  an extra condition on both tables with {@code ?} parameters, or null
     * @param params  the filter's parameters
     * @return the sums per group, keyed by the group columns' values (numbers as {@link Long}, times as
     *         {@link LocalDateTime})
     */
    Map<List<Object>, Sums> window(EntityManager em, TimeWindow window, Figures figures, String groupBy,
                                   String filter, Object... params) {
        Map<List<Object>, Sums> sums = new HashMap<>();
        LocalDateTime from = hourFloor(window.from());
        LocalDateTime to = hourCeiling(window.to());
        LocalDateTime firstDay = from.truncatedTo(ChronoUnit.DAYS).equals(from) ? from
                : from.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        LocalDateTime lastDay = to.truncatedTo(ChronoUnit.DAYS);
        if (firstDay.isBefore(lastDay)) {
            read(em, RollupTable.DAY, firstDay, lastDay, window.instance(), figures, groupBy, filter, params, sums);
            read(em, RollupTable.HOUR, from, firstDay, window.instance(), figures, groupBy, filter, params, sums);
            read(em, RollupTable.HOUR, lastDay, to, window.instance(), figures, groupBy, filter, params, sums);
        } else {
            read(em, RollupTable.HOUR, from, to, window.instance(), figures, groupBy, filter, params, sums);
        }
        return sums;
    }

    /**
     * Sums of one table over the buckets (hours, or days for the day tables) the window touches, with one query.
     * Parameters as {@link #window}; {@code groupBy} may name the table's bucket column and own key columns.
     */
    Map<List<Object>, Sums> buckets(EntityManager em, RollupTable table, TimeWindow window, Figures figures,
                                    String groupBy, String filter, Object... params) {
        Map<List<Object>, Sums> sums = new HashMap<>();
        LocalDateTime from = hourFloor(window.from());
        LocalDateTime to = hourCeiling(window.to());
        if (table.daily()) {
            from = from.truncatedTo(ChronoUnit.DAYS);
            to = to.truncatedTo(ChronoUnit.DAYS).equals(to) ? to : to.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        }
        read(em, table, from, to, window.instance(), figures, groupBy, filter, params, sums);
        return sums;
    }

    private void read(EntityManager em, RollupTable table, LocalDateTime from, LocalDateTime to, String instance,
                      Figures figures, String groupBy, String filter, Object[] params, Map<List<Object>, Sums> sums) {
        if (!from.isBefore(to)) {
            return;
        }
        int groups = groupBy.split(",").length;
        boolean histograms = figures == Figures.DURATIONS && table.durations();
        String bucket = table.bucket();
        String values = histograms ? bucket + ", hits, errors, client_errors, total_ms, histogram"
                : "MIN(" + bucket + "), SUM(hits)"
                + (table.durations() ? ", SUM(errors), SUM(client_errors), SUM(total_ms)" : "");
        Query query = em.createNativeQuery("SELECT " + groupBy + ", " + values + " FROM "
                + schema.name(table.name()) + " WHERE " + bucket + " >= ? AND " + bucket + " < ?"
                + (filter == null ? "" : " AND " + filter) + (instance == null ? "" : " AND instance = ?")
                + (histograms ? "" : " GROUP BY " + groupBy));
        query.setParameter(1, from);
        query.setParameter(2, to);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 3, params[i]);
        }
        if (instance != null) {
            query.setParameter(params.length + 3, instance);
        }
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            List<Object> key = new ArrayList<>(groups);
            for (int i = 0; i < groups; i++) {
                key.add(row[i] instanceof Number n && !(row[i] instanceof Double) ? (Object) n.longValue()
                        : row[i] instanceof java.sql.Timestamp ? time(row[i]) : row[i]);
            }
            Sums group = sums.computeIfAbsent(key, k -> new Sums());
            int at = groups;
            group.add(time(row[at]), number(row[at + 1]),
                    table.durations() ? number(row[at + 2]) : 0, table.durations() ? number(row[at + 3]) : 0,
                    table.durations() && row[at + 4] != null ? ((Number) row[at + 4]).doubleValue() : 0,
                    histograms && row[at + 5] != null ? row[at + 5].toString() : null);
        }
    }

    /**
     * @param sums   what a read returned
     * @param column the position of the version (or another value) in its keys
     * @return an order of those values: the one whose requests come first in the window first, then by name
     */
    static Comparator<Object> firstAppearance(Map<List<Object>, Sums> sums, int column) {
        Map<Object, LocalDateTime> first = new HashMap<>();
        sums.forEach((key, s) -> {
            if (s.first != null) {
                first.merge(key.get(column), s.first, (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        return Comparator.comparing((Object value) -> first.getOrDefault(value, LocalDateTime.MAX))
                .thenComparing(String::valueOf);
    }

    /** @return a time read from the database, or null */
    static LocalDateTime time(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return value instanceof LocalDateTime time ? time : null;
    }

    /** @return a UTC bucket start as an instant */
    static Instant instant(Object bucket) {
        return ((LocalDateTime) bucket).toInstant(ZoneOffset.UTC);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static LocalDateTime hourFloor(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }

    static LocalDateTime hourCeiling(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        LocalDateTime hour = time.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(time) ? hour : hour.plusHours(1);
    }
}
