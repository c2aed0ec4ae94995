package dev.fmd.store;

import dev.fmd.monitor.RequestRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer part of requests: inserts the rows of {@code <prefix>request} of one batch as a single JDBC batch, in
 * the order the requests started (so ids follow time), and moves the endpoints' {@code last_requested} forward, on
 * the connection of the writer's transaction. Once that transaction committed, {@link #stored} adds the rows to the
 * {@link Rollups}, so the rollups count exactly the stored requests.
 * <p>
 * Why not {@code persist()}: a managed entity per row made the writer use 26–29 µs of CPU per request under load,
 * against 15–18 µs for a batch (docs/performance.md). Request rows are never updated, so they need nothing a
 * persistence context offers.
 */
final class RequestRows {

    /** The start time order of a batch. */
    static final Comparator<RequestRecord> START_ORDER = Comparator.comparingLong(RequestRecord::epochMillis);

    private final String insert;
    private final String lastRequested;
    private final String instance;

    /**
     * @param schema   names the tables
     * @param instance this instance's name
     */
    RequestRows(Schema schema, String instance) {
        this.insert = "INSERT INTO " + schema.name("request") + " (id, endpoint_id, duration, time_requested, "
                + "version_requested, group_by, ip, status_code, exception_type, instance) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.lastRequested = "UPDATE " + schema.name("endpoint") + " SET last_requested = ? WHERE id = ? "
                + "AND (last_requested IS NULL OR last_requested < ?)";
        this.instance = cut(instance, 100);
    }

    /**
     * Inserts the measured requests of the batch and moves last-requested times, in the transaction.
     *
     * @param tx    the writer's transaction
     * @param batch requests in start order, their endpoints saved
     * @return the id of each request's row, in batch order; 0 for a request of level 0, which has no row
     */
    long[] insert(Transaction tx, List<RequestRecord> batch) throws SQLException {
        long[] ids = new long[batch.size()];
        Map<Long, Long> last = new HashMap<>();
        int measured = 0;
        for (RequestRecord record : batch) {
            last.merge(record.endpoint().id(), record.epochMillis(), Math::max);
            if (record.measured()) {
                measured++;
            }
        }
        if (measured > 0) {
            long next = tx.ids().next("request", measured);
            try (PreparedStatement statement = tx.connection().prepareStatement(insert)) {
                for (int i = 0; i < ids.length; i++) {
                    RequestRecord record = batch.get(i);
                    if (!record.measured()) {
                        continue;
                    }
                    ids[i] = next++;
                    statement.setLong(1, ids[i]);
                    statement.setLong(2, record.endpoint().id());
                    statement.setBigDecimal(3, milliseconds(record.durationNanos()));
                    statement.setObject(4, utc(record.epochMillis()));
                    setString(statement, 5, cut(record.version(), 100));
                    setString(statement, 6, cut(record.groupBy(), 255));
                    setString(statement, 7, cut(record.ip(), 45));
                    statement.setInt(8, record.status());
                    setString(statement, 9, cut(record.exception(), 255));
                    setString(statement, 10, instance);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        try (PreparedStatement statement = tx.connection().prepareStatement(lastRequested)) {
            for (Map.Entry<Long, Long> entry : last.entrySet()) {
                LocalDateTime time = utc(entry.getValue());
                statement.setObject(1, time);
                statement.setLong(2, entry.getKey());
                statement.setObject(3, time);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return ids;
    }

    /**
     * Adds committed requests to the rollups.
     *
     * @param batch   the batch
     * @param rollups the writer's rollups
     */
    void stored(List<RequestRecord> batch, Rollups rollups) {
        for (RequestRecord record : batch) {
            if (record.measured()) {
                rollups.add(record.endpoint().id(), record.epochMillis(), cut(record.version(), 100),
                        cut(record.groupBy(), 255), cut(record.ip(), 45), record.status(),
                        record.durationNanos() / 1_000_000.0);
            }
        }
    }

    /** @return a copy of the batch in start order */
    static List<RequestRecord> inStartOrder(List<RequestRecord> batch) {
        List<RequestRecord> sorted = new ArrayList<>(batch);
        sorted.sort(START_ORDER);
        return sorted;
    }

    static BigDecimal milliseconds(double ms) {
        return BigDecimal.valueOf(ms).setScale(4, RoundingMode.HALF_UP);
    }

    /**
     * @param nanos a duration in nanoseconds, not negative
     * @return it in milliseconds with four decimals, rounded half up, without the detour through a double's decimal
     *         form that {@link #milliseconds(double)} takes (its division was a hot spot of the writer)
     */
    static BigDecimal milliseconds(long nanos) {
        return nanos < 0 ? milliseconds(nanos / 1_000_000.0) : BigDecimal.valueOf((nanos + 50) / 100, 4);
    }

    static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
