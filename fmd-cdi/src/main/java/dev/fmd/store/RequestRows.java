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
 * The writer part of requests: inserts the rows of {@code <prefix>request} of one batch with multi-row
 * {@code INSERT}s of {@value #ROWS_PER_STATEMENT} rows (the rest as a JDBC batch), in the order the requests started (so ids follow time), and moves the endpoints' {@code last_requested} forward, on
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

    /**
     * Rows per multi-row {@code INSERT}: a full batch of 500 is five statements. The statement's text is always the
     * same, so the database (H2's query cache, PostgreSQL's and MariaDB's drivers) parses it once; the rows of a batch
     * beyond the last full statement go as a JDBC batch of one-row inserts.
     */
    static final int ROWS_PER_STATEMENT = 100;
    private static final int COLUMNS = 10;

    private final String insertOne;
    private final String insertMany;
    private final String lastRequested;
    private final String instance;

    /**
     * @param schema   names the tables
     * @param instance this instance's name
     */
    RequestRows(Schema schema, String instance) {
        String into = "INSERT INTO " + schema.name("request") + " (id, endpoint_id, duration, time_requested, "
                + "version_requested, group_by, ip, status_code, exception_type, instance) VALUES ";
        String row = "(" + "?, ".repeat(COLUMNS - 1) + "?)";
        this.insertOne = into + row;
        this.insertMany = into + (row + ", ").repeat(ROWS_PER_STATEMENT - 1) + row;
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
        List<RequestRecord> measured = new ArrayList<>(batch.size());
        for (RequestRecord record : batch) {
            last.merge(record.endpoint().id(), record.epochMillis(), Math::max);
            if (record.measured()) {
                measured.add(record);
            }
        }
        if (!measured.isEmpty()) {
            long first = tx.ids().next("request", measured.size());
            insertRows(tx, measured, first);
            long next = first;
            for (int i = 0; i < ids.length; i++) {
                if (batch.get(i).measured()) {
                    ids[i] = next++;
                }
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

    /** Inserts the rows, with the ids {@code first}, {@code first + 1}, ...: full multi-row statements, then a batch. */
    private void insertRows(Transaction tx, List<RequestRecord> rows, long first) throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement statement = tx.connection().prepareStatement(insertMany)) {
                for (int from = 0; from < full; from += ROWS_PER_STATEMENT) {
                    for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
                        set(statement, i * COLUMNS, first + from + i, rows.get(from + i));
                    }
                    statement.executeUpdate();
                }
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement statement = tx.connection().prepareStatement(insertOne)) {
                for (int i = full; i < rows.size(); i++) {
                    set(statement, 0, first + i, rows.get(i));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    /** Sets the columns of one row, from parameter {@code offset + 1} on. */
    private void set(PreparedStatement statement, int offset, long id, RequestRecord record) throws SQLException {
        statement.setLong(offset + 1, id);
        statement.setLong(offset + 2, record.endpoint().id());
        statement.setBigDecimal(offset + 3, milliseconds(record.durationNanos()));
        statement.setObject(offset + 4, utc(record.epochMillis()));
        setString(statement, offset + 5, cut(record.version(), 100));
        setString(statement, offset + 6, cut(record.groupBy(), 255));
        setString(statement, offset + 7, cut(record.ip(), 45));
        statement.setInt(offset + 8, record.status());
        setString(statement, offset + 9, cut(record.exception(), 255));
        setString(statement, offset + 10, instance);
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
