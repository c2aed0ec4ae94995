package dev.fmd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One pass of {@link Retention}: what it deletes, in which order, and how far it got. The pass is cut into slices;
 * each {@link #slice} runs one statement (at most one DELETE, of at most {@code rows} rows) in the caller's
 * transaction, so a pass can be spread over many short transactions and over several rounds of the writer.
 * <p>
 * Raw data older than the cutoff (now minus {@code fmd.retention-days}) goes in this order:
 * <ol>
 * <li><b>Walk</b>: read the requests in id order, {@code rows} at a time, up to the first one requested at or after
 *     the cutoff. Its id is the <em>cutoff id</em> (the largest id + 1 when no request is that recent): no request
 *     below it is new, so every request, stack line and outlier below it is old.</li>
 * <li><b>Requests</b> below the cutoff id, a range of the primary key. They must also be older than the cutoff: an
 *     instance idle for longer than the retention may still hold a block of ids below the cutoff id and write a
 *     new request with one of them meanwhile.</li>
 * <li><b>Stack lines</b> and <b>outliers</b> whose request id is below the cutoff id and whose request is gone:
 *     ranges of the primary key of {@code stack_line} and of the request id index of {@code outlier}, no list of
 *     ids read. After the previous step the requests left below the cutoff id are only such late ones (usually
 *     none), so excluding theirs costs a look at an almost empty range.</li>
 * <li><b>Stragglers</b>: requests older than the cutoff above the cutoff id, from another instance's block of ids
 *     taken around the same time. Up to {@code rows} at a time, found through the time index: their stack lines
 *     (in groups that fit a slice, counted first) and outliers (one per request at most) first, then the requests,
 *     so that no stack line outlives its request.</li>
 * </ol>
 * Then the rollups whose whole bucket (hour or day) is older than now minus {@code fmd.rollup-retention-days}; and,
 * kept as long as the rollups, the Testmonitor's rows: the tests' requests last seen before that cutoff (those of
 * runs never uploaded too), then the results of the runs uploaded before it, then those runs (results before their
 * run, so that no result outlives it).
 * {@code code_line} rows are shared by every call tree and stay.
 * <p>
 * Every step is a condition on the rows, not a remembered list, so a pass cut short (a failure, a restart) leaves
 * nothing the next pass would not find: it simply has less to do. The rows of a request never outlive it for longer
 * than a pass, and only when that pass is cut short.
 */
final class RetentionPass {

    /**
     * What a completed pass did.
     *
     * @param cutoff       requests before this were deleted
     * @param rollupCutoff rollups of buckets that ended before this were deleted
     * @param deleted      rows deleted per table (without prefix), in the order of the pass
     * @param transactions transactions (slices) the pass took
     */
    record Summary(LocalDateTime cutoff, LocalDateTime rollupCutoff, Map<String, Long> deleted, int transactions) {
    }

    private enum Step { WALK, REQUESTS, STACK_LINES, OUTLIERS, STRAGGLERS, ROLLUPS, TEST_ENDPOINTS, TEST_RESULTS,
        TEST_RUNS, DONE }

    private final Schema schema;
    private final int rows;
    private final LocalDateTime cutoff;
    private final LocalDateTime rollupCutoff;
    private final Map<String, Long> deleted = new LinkedHashMap<>();
    private final String requestGone;
    private Schema.Dialect dialect;
    private Step step = Step.WALK;
    private long walkedTo = Long.MIN_VALUE;
    private long cutoffId;
    private List<Long> stragglers = List.of();
    private List<List<Long>> lineGroups = new ArrayList<>();
    private int stragglerPart;
    private int rollupTable;
    private int transactions;

    /**
     * @param schema              the table names
     * @param rows                rows one slice deletes at most
     * @param now                 the time of the pass, UTC
     * @param retentionDays       {@code fmd.retention-days}
     * @param rollupRetentionDays {@code fmd.rollup-retention-days}
     */
    RetentionPass(Schema schema, int rows, LocalDateTime now, int retentionDays, int rollupRetentionDays) {
        this.schema = schema;
        this.rows = rows;
        this.cutoff = now.minusDays(retentionDays).truncatedTo(ChronoUnit.MILLIS);
        this.rollupCutoff = now.minusDays(rollupRetentionDays).truncatedTo(ChronoUnit.MILLIS);
        this.requestGone = "request_id < ? AND request_id NOT IN (SELECT id FROM " + schema.name("request")
                + " WHERE id < ?)";
        for (String table : List.of("request", "stack_line", "outlier")) {
            deleted.put(table, 0L);
        }
        RollupTable.ALL.forEach(table -> deleted.put(table.name(), 0L));
        for (String table : List.of("test_endpoint", "test_result", "test_run")) {
            deleted.put(table, 0L);
        }
    }

    /**
     * Runs the next slice in the connection's current transaction; the caller commits it.
     *
     * @param connection a connection with auto-commit off
     * @return whether the pass is complete
     */
    boolean slice(Connection connection) throws SQLException {
        if (step == Step.DONE) {
            return true;
        }
        if (dialect == null) {
            dialect = Schema.Dialect.of(connection);
        }
        transactions++;
        switch (step) {
            case WALK -> walk(connection);
            case REQUESTS -> next(delete(connection, "request", "id < ? AND time_requested < ?", cutoffId, cutoff),
                    Step.STACK_LINES);
            case STACK_LINES -> next(delete(connection, "stack_line", requestGone, cutoffId, cutoffId),
                    Step.OUTLIERS);
            case OUTLIERS -> next(delete(connection, "outlier", requestGone, cutoffId, cutoffId), Step.STRAGGLERS);
            case STRAGGLERS -> stragglers(connection);
            case ROLLUPS -> rollups(connection);
            case TEST_ENDPOINTS -> next(delete(connection, "test_endpoint", "last_seen < ?", rollupCutoff),
                    Step.TEST_RESULTS);
            case TEST_RESULTS -> next(delete(connection, "test_result", "run_id IN (SELECT id FROM "
                    + schema.name("test_run") + " WHERE uploaded_at < ?)", rollupCutoff), Step.TEST_RUNS);
            case TEST_RUNS -> next(delete(connection, "test_run", "uploaded_at < ?", rollupCutoff), Step.DONE);
            default -> throw new IllegalStateException(step.name());
        }
        return step == Step.DONE;
    }

    /** @return what the pass did so far (all of it once {@link #slice} said it is complete) */
    Summary summary() {
        return new Summary(cutoff, rollupCutoff, Collections.unmodifiableMap(new LinkedHashMap<>(deleted)),
                transactions);
    }

    private void walk(Connection connection) throws SQLException {
        int read = 0;
        try (PreparedStatement select = connection.prepareStatement(dialect.firstRows("SELECT id, time_requested FROM "
                + schema.name("request") + " WHERE id >= ? ORDER BY id", rows))) {
            select.setLong(1, walkedTo);
            try (ResultSet requests = select.executeQuery()) {
                while (requests.next()) {
                    read++;
                    long id = requests.getLong(1);
                    if (!requests.getObject(2, LocalDateTime.class).isBefore(cutoff)) {
                        cutoffId = id;
                        step = Step.REQUESTS;
                        return;
                    }
                    walkedTo = id + 1;
                }
            }
        }
        if (read < rows) {
            cutoffId = walkedTo;
            step = Step.REQUESTS;
        }
    }

    /** Old requests above the cutoff id, {@code rows} at a time: their stack lines, outliers, then themselves. */
    private void stragglers(Connection connection) throws SQLException {
        if (stragglers.isEmpty()) {
            stragglers = oldRequestIds(connection);
            if (stragglers.isEmpty()) {
                step = Step.ROLLUPS;
                return;
            }
            lineGroups = lineGroups(connection, stragglers);
            stragglerPart = lineGroups.isEmpty() ? 1 : 0;
        }
        switch (stragglerPart) {
            case 0 -> {
                List<Long> group = lineGroups.get(0);
                if (delete(connection, "stack_line", "request_id IN " + list(group)) < rows || group.size() > 1) {
                    lineGroups.remove(0);
                    stragglerPart = lineGroups.isEmpty() ? 1 : 0;
                }
            }
            case 1 -> {
                if (delete(connection, "outlier", "request_id IN " + list(stragglers)) < rows) {
                    stragglerPart = 2;
                }
            }
            default -> {
                delete(connection, "request", "id IN " + list(stragglers));
                stragglers = List.of();
            }
        }
    }

    /**
     * Groups requests so that the stack lines of a group fit one slice (a request with more lines is a group alone,
     * deleted over several slices). Each group then goes whole, without relying on the database's row limit over an
     * IN list, which H2 (2.2) overshoots and miscounts.
     *
     * @return the groups of the requests that have stack lines
     */
    private List<List<Long>> lineGroups(Connection connection, List<Long> requests) throws SQLException {
        Map<Long, Long> lines = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("SELECT request_id, COUNT(*) FROM " + schema.name("stack_line")
                     + " WHERE request_id IN " + list(requests) + " GROUP BY request_id")) {
            while (counts.next()) {
                lines.put(counts.getLong(1), counts.getLong(2));
            }
        }
        List<List<Long>> groups = new ArrayList<>();
        List<Long> group = new ArrayList<>();
        long size = 0;
        for (long id : requests) {
            long count = lines.getOrDefault(id, 0L);
            if (count == 0) {
                continue;
            }
            if (size + count > rows && !group.isEmpty()) {
                groups.add(group);
                group = new ArrayList<>();
                size = 0;
            }
            group.add(id);
            size += count;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private static String list(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** @return ids of requests older than the cutoff, the oldest first, {@code rows} at most */
    private List<Long> oldRequestIds(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(dialect.firstRows("SELECT id FROM "
                + schema.name("request") + " WHERE time_requested < ? ORDER BY time_requested", rows))) {
            select.setObject(1, cutoff);
            try (ResultSet requests = select.executeQuery()) {
                while (requests.next()) {
                    ids.add(requests.getLong(1));
                }
            }
        }
        return ids;
    }

    private void rollups(Connection connection) throws SQLException {
        RollupTable table = RollupTable.ALL.get(rollupTable);
        LocalDateTime bucketsBefore = rollupCutoff.truncatedTo(table.daily() ? ChronoUnit.DAYS : ChronoUnit.HOURS);
        if (delete(connection, table.name(), table.bucket() + " < ?", bucketsBefore) < rows) {
            rollupTable++;
            if (rollupTable == RollupTable.ALL.size()) {
                step = Step.TEST_ENDPOINTS;
            }
        }
    }

    /** Moves to the next step once a DELETE found fewer rows than it could take: none of its rows are left. */
    private void next(int deletedNow, Step following) {
        if (deletedNow < rows) {
            step = following;
        }
    }

    /** @return rows deleted: at most {@code rows}, by one bounded DELETE */
    private int delete(Connection connection, String table, String where, Object... parameters) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                dialect.boundedDelete(schema.name(table), where, rows))) {
            for (int i = 0; i < parameters.length; i++) {
                delete.setObject(i + 1, parameters[i]);
            }
            int count = delete.executeUpdate();
            deleted.merge(table, (long) count, Long::sum);
            return count;
        }
    }
}
