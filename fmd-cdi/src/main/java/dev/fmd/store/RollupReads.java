package dev.fmd.store;

import dev.fmd.query.RequestStats;
import dev.fmd.query.TimeWindow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

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
 * histograms up. Read in plain JDBC on the connection given (a 90-day page reads about 10,000 rows): each value is
 * taken as what it is, times as {@link LocalDateTime}.
 * <pre>
 * Map&lt;List&lt;Object&gt;, Sums&gt; byEndpoint = reads.window(connection, window, Figures.DURATIONS, "endpoint_id",
 *         null);
 * </pre>
 */
final class RollupReads {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

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
            double[] q = histogram.quantiles(0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99);
            return new RequestStats(hits, clientErrors, errors, hits == 0 ? Double.NaN : totalMs / hits,
                    q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
        }
    }

    /**
     * @param connection a connection to fmd's database
     * @param window  the window, widened to whole hours, and its instance
     * @param figures what to read
     * @param groupBy columns of both tables to group by, e.g. {@code "endpoint_id, version"}
     * @param filter  an extra condition on both tables with {@code ?} parameters, or null
     * @param params  the filter's parameters
     * @return the sums per group, keyed by the group columns' values (numbers as {@link Long}, times as
     *         {@link LocalDateTime})
     */
    Map<List<Object>, Sums> window(Connection connection, TimeWindow window, Figures figures, String groupBy,
                                   String filter, Object... params) throws SQLException {
        Map<List<Object>, Sums> sums = new HashMap<>();
        LocalDateTime from = hourFloor(window.from());
        LocalDateTime to = hourCeiling(window.to());
        LocalDateTime firstDay = from.truncatedTo(ChronoUnit.DAYS).equals(from) ? from
                : from.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        LocalDateTime lastDay = to.truncatedTo(ChronoUnit.DAYS);
        if (firstDay.isBefore(lastDay)) {
            read(connection, RollupTable.DAY, firstDay, lastDay, window.instance(), figures, groupBy, filter, params,
                    sums);
            read(connection, RollupTable.HOUR, from, firstDay, window.instance(), figures, groupBy, filter, params,
                    sums);
            read(connection, RollupTable.HOUR, lastDay, to, window.instance(), figures, groupBy, filter, params, sums);
        } else {
            read(connection, RollupTable.HOUR, from, to, window.instance(), figures, groupBy, filter, params, sums);
        }
        return sums;
    }

    /**
     * Sums of one table over the buckets (hours, or days for the day tables) the window touches, with one query.
     * Parameters as {@link #window}; {@code groupBy} may name the table's bucket column and own key columns.
     */
    Map<List<Object>, Sums> buckets(Connection connection, RollupTable table, TimeWindow window, Figures figures,
                                    String groupBy, String filter, Object... params) throws SQLException {
        Map<List<Object>, Sums> sums = new HashMap<>();
        LocalDateTime from = hourFloor(window.from());
        LocalDateTime to = hourCeiling(window.to());
        if (table.daily()) {
            from = from.truncatedTo(ChronoUnit.DAYS);
            to = to.truncatedTo(ChronoUnit.DAYS).equals(to) ? to : to.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        }
        read(connection, table, from, to, window.instance(), figures, groupBy, filter, params, sums);
        return sums;
    }

    private void read(Connection connection, RollupTable table, LocalDateTime from, LocalDateTime to,
                      String instance, Figures figures, String groupBy, String filter, Object[] params,
                      Map<List<Object>, Sums> sums) throws SQLException {
        if (!from.isBefore(to)) {
            return;
        }
        int groups = groupBy.split(",").length;
        boolean histograms = figures == Figures.DURATIONS && table.durations();
        String bucket = table.bucket();
        String values = histograms ? bucket + ", hits, errors, client_errors, total_ms, histogram"
                : "MIN(" + bucket + "), SUM(hits)"
                + (table.durations() ? ", SUM(errors), SUM(client_errors), SUM(total_ms)" : "");
        try (PreparedStatement select = connection.prepareStatement("SELECT " + groupBy + ", " + values + " FROM "
                + schema.name(table.name()) + " WHERE " + bucket + " >= ? AND " + bucket + " < ?"
                + (filter == null ? "" : " AND " + filter) + (instance == null ? "" : " AND instance = ?")
                + (histograms ? "" : " GROUP BY " + groupBy))) {
            select.setObject(1, from);
            select.setObject(2, to);
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 3, params[i]);
            }
            if (instance != null) {
                select.setString(params.length + 3, instance);
            }
            try (ResultSet rows = select.executeQuery()) {
                int[] types = types(rows.getMetaData(), groups);
                Calendar utc = utc();
                int at = groups + 1;
                while (rows.next()) {
                    List<Object> key = new ArrayList<>(groups);
                    for (int i = 0; i < groups; i++) {
                        key.add(value(rows, i + 1, types[i], utc));
                    }
                    sums.computeIfAbsent(key, k -> new Sums()).add(time(rows, at, utc),
                            rows.getLong(at + 1), table.durations() ? rows.getLong(at + 2) : 0,
                            table.durations() ? rows.getLong(at + 3) : 0,
                            table.durations() ? rows.getDouble(at + 4) : 0,
                            histograms ? rows.getString(at + 5) : null);
                }
            }
        }
    }

    /** @return the JDBC types of the group columns, read once per query */
    private static int[] types(ResultSetMetaData meta, int groups) throws SQLException {
        int[] types = new int[groups];
        for (int i = 0; i < groups; i++) {
            types[i] = meta.getColumnType(i + 1);
        }
        return types;
    }

    /** @return a group column's value: whole numbers as {@link Long}, times as {@link LocalDateTime}, else as read */
    private static Object value(ResultSet rows, int column, int type, Calendar utc) throws SQLException {
        Object value = switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rows.getLong(column);
            case Types.TIMESTAMP, Types.DATE -> time(rows, column, utc);
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.LONGVARCHAR -> rows.getString(column);
            default -> rows.getObject(column);
        };
        if (rows.wasNull()) {
            return null;
        }
        return value instanceof Number n && !(value instanceof Double) && !(value instanceof Long)
                ? (Object) n.longValue() : value;
    }

    /**
     * Reads a UTC time column as the {@link LocalDateTime} stored. Through {@code getTimestamp} with a UTC calendar,
     * so that no time is moved by the server's own zone (a {@code Timestamp} in the default zone has no 02:30 on the
     * day summer time starts), and not through {@code getObject(column, LocalDateTime.class)}, which the application
     * server's JDBC wrapper may call by reflection, looking the method up each time (Payara: half of the time of
     * a 9,000-row read).
     *
     * @return the time, or null
     */
    /**
     * @return a calendar of UTC, for {@link #time}: a calendar is not thread-safe, so one per read (rows of a read
     *         share it)
     */
    static Calendar utc() {
        return Calendar.getInstance(UTC);
    }

    static LocalDateTime time(ResultSet rows, int column, Calendar utc) throws SQLException {
        Timestamp time = rows.getTimestamp(column, utc);
        return time == null ? null
                : LocalDateTime.ofEpochSecond(Math.floorDiv(time.getTime(), 1000), time.getNanos(), ZoneOffset.UTC);
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
        Comparator<Object> order = Comparator.comparing((Object value) -> first.getOrDefault(value, LocalDateTime.MAX))
                .thenComparing(String::valueOf);
        // the few values ranked once, so that sorting thousands of cells compares two ints
        List<Object> ranked = new ArrayList<>(first.keySet());
        ranked.sort(order);
        Map<Object, Integer> rank = new HashMap<>();
        ranked.forEach(value -> rank.put(value, rank.size()));
        return (a, b) -> {
            Integer ra = rank.get(a);
            Integer rb = rank.get(b);
            return ra != null && rb != null ? Integer.compare(ra, rb) : order.compare(a, b);
        };
    }

    /** @return a UTC bucket start as an instant */
    static Instant instant(Object bucket) {
        return ((LocalDateTime) bucket).toInstant(ZoneOffset.UTC);
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
