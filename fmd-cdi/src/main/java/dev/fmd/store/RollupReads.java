package dev.fmd.store;

import dev.fmd.query.TimeWindow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sums of a time window from the rollups, for every query service: whole days from {@code rollup_day},
 * the hours at either edge from {@code rollup} (the hourly one), so that a 90-day window reads about 90 rows per
 * endpoint and version rather than 2,160. Histograms are merged here, as a database cannot add them up.
 * <pre>
 * Map&lt;List&lt;Object&gt;, Sums&gt; byEndpoint = reads.window(em, window, "endpoint_id", null);
 * </pre>
 */
final class RollupReads {

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
        final DurationHistogram histogram = new DurationHistogram();

        void add(long moreHits, long moreErrors, long moreClientErrors, double moreTotalMs, String encoded) {
            hits += moreHits;
            errors += moreErrors;
            clientErrors += moreClientErrors;
            totalMs += moreTotalMs;
            histogram.merge(DurationHistogram.decode(encoded));
        }

        /** @return the quantile in ms, or NaN without requests */
        double quantile(double q) {
            return histogram.quantile(q);
        }
    }

    /**
     * @param em      an entity manager
     * @param window  the window, widened to whole hours
     * @param groupBy columns of both tables to group by, e.g. {@code "endpoint_id, version"}
     * @param filter  an extra condition on both tables with {@code ?} parameters, or null
     * @param params  the filter's parameters
     * @return the sums per group, keyed by the group columns' values (numbers as {@link Long})
     */
    Map<List<Object>, Sums> window(EntityManager em, TimeWindow window, String groupBy, String filter,
                                   Object... params) {
        return window(em, window, groupBy, true, filter, params);
    }

    /**
     * Like {@link #window}, without the histograms: hits, errors and total time summed by the database, for counts
     * that need no quantile (a long window's histograms cost most of a page's time to decode).
     */
    Map<List<Object>, Sums> totals(EntityManager em, TimeWindow window, String groupBy, String filter,
                                   Object... params) {
        return window(em, window, groupBy, false, filter, params);
    }

    private Map<List<Object>, Sums> window(EntityManager em, TimeWindow window, String groupBy, boolean histograms,
                                           String filter, Object[] params) {
        Map<List<Object>, Sums> sums = new HashMap<>();
        LocalDateTime from = hourFloor(window.from());
        LocalDateTime to = hourCeiling(window.to());
        LocalDateTime firstDay = from.truncatedTo(ChronoUnit.DAYS).equals(from) ? from
                : from.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        LocalDateTime lastDay = to.truncatedTo(ChronoUnit.DAYS);
        if (firstDay.isBefore(lastDay)) {
            read(em, RollupTable.DAY, firstDay, lastDay, groupBy, histograms, filter, params, sums);
            read(em, RollupTable.HOUR, from, firstDay, groupBy, histograms, filter, params, sums);
            read(em, RollupTable.HOUR, lastDay, to, groupBy, histograms, filter, params, sums);
        } else {
            read(em, RollupTable.HOUR, from, to, groupBy, histograms, filter, params, sums);
        }
        return sums;
    }

    /**
     * Sums of a table keyed by day ({@code rollup_dimension}, {@code rollup_status}), over the days the window
     * touches.
     */
    Map<List<Object>, Sums> days(EntityManager em, RollupTable table, TimeWindow window, String groupBy,
                                 String filter, Object... params) {
        Map<List<Object>, Sums> sums = new HashMap<>();
        LocalDateTime from = hourFloor(window.from()).truncatedTo(ChronoUnit.DAYS);
        LocalDateTime to = hourCeiling(window.to());
        to = to.truncatedTo(ChronoUnit.DAYS).equals(to) ? to : to.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        read(em, table, from, to, groupBy, true, filter, params, sums);
        return sums;
    }

    private void read(EntityManager em, RollupTable table, LocalDateTime from, LocalDateTime to, String groupBy,
                      boolean histograms, String filter, Object[] params, Map<List<Object>, Sums> sums) {
        if (!from.isBefore(to)) {
            return;
        }
        int groups = groupBy.split(",").length;
        String values = !table.durations() ? "hits" : histograms ? "hits, errors, client_errors, total_ms, histogram"
                : "SUM(hits), SUM(errors), SUM(client_errors), SUM(total_ms), NULL";
        Query query = em.createNativeQuery("SELECT " + groupBy + ", " + values + " FROM "
                + schema.name(table.name()) + " WHERE " + table.bucket() + " >= ? AND " + table.bucket() + " < ?"
                + (filter == null ? "" : " AND " + filter)
                + (table.durations() && !histograms ? " GROUP BY " + groupBy : ""));
        query.setParameter(1, from);
        query.setParameter(2, to);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 3, params[i]);
        }
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            List<Object> key = new ArrayList<>(groups);
            for (int i = 0; i < groups; i++) {
                key.add(row[i] instanceof Number n && !(row[i] instanceof Double) ? (Object) n.longValue()
                        : row[i] instanceof java.sql.Timestamp t ? t.toLocalDateTime() : row[i]);
            }
            Sums group = sums.computeIfAbsent(key, k -> new Sums());
            if (table.durations()) {
                group.add(number(row[groups]), number(row[groups + 1]), number(row[groups + 2]),
                        ((Number) row[groups + 3]).doubleValue(), row[groups + 4] == null ? null
                                : row[groups + 4].toString());
            } else {
                group.hits += number(row[groups]);
            }
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static LocalDateTime hourFloor(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }

    static LocalDateTime hourCeiling(java.time.Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        LocalDateTime hour = time.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(time) ? hour : hour.plusHours(1);
    }
}
