package dev.fmd.store;

import dev.fmd.query.TestTrend;
import dev.fmd.testmonitor.TestRunUpload;
import dev.fmd.testmonitor.TestRuns;
import dev.fmd.testmonitor.UploadedTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@link TestRuns} in {@code <prefix>test_run} and {@code <prefix>test_result}, in plain JDBC, one transaction per
 * run. Uploads are rare (one per CI build), so they are written on the uploading request's thread and one at a time:
 * a second upload of the same key finds the first and changes nothing; two instances taking the same key at once
 * are told apart by the unique index {@code test_run_key}, and the loser rolls back.
 */
@ApplicationScoped
public class StoreTestRuns implements TestRuns {

    /** How long an upload waits for the writer to open fmd's tables, when it has not yet. */
    private static final long OPEN_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(20);

    private Store store;
    private BatchWriter writer;
    private IdBlocks ids;

    /** For the container's proxy. */
    protected StoreTestRuns() {
    }

    /**
     * @param store  where runs are stored
     * @param writer asked to open the tables when an upload comes before the application's first request
     */
    @Inject
    public StoreTestRuns(Store store, BatchWriter writer) {
        this.store = store.unproxied();
        this.writer = writer.unproxied();
    }

    @Override
    public synchronized OptionalLong save(TestRunUpload upload, String defaultVersion) {
        awaitOpen();
        if (ids == null) {
            ids = new IdBlocks(store.schema(), store.dataSource());
        }
        Schema schema = store.schema();
        return store.inTransaction(em -> {
            Connection connection = em.unwrap(Connection.class);
            try {
                if (exists(connection, schema, upload.runKey())) {
                    return OptionalLong.empty();
                }
                long runId = ids.next("test_run", 1);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.name("test_run")
                        + " (id, run_key, build, app_version, started_at, uploaded_at, times, tests, failed, source)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, runId);
                    insert.setString(2, upload.runKey());
                    insert.setString(3, upload.build());
                    insert.setString(4, upload.appVersion() == null ? defaultVersion : upload.appVersion());
                    insert.setObject(5, LocalDateTime.ofInstant(upload.startedAt(), ZoneOffset.UTC));
                    insert.setObject(6, LocalDateTime.now(ZoneOffset.UTC));
                    insert.setInt(7, upload.times());
                    insert.setInt(8, upload.tests().size());
                    insert.setInt(9, upload.failed());
                    insert.setString(10, upload.source());
                    insert.executeUpdate();
                }
                insertResults(connection, schema, runId, upload);
                return OptionalLong.of(runId);
            } catch (SQLException e) {
                throw new BatchWriter.StoreException(e);
            }
        });
    }

    /** Asks the writer to open the tables, and waits a while for it: an upload may come first after a deployment. */
    private void awaitOpen() {
        long until = System.nanoTime() + OPEN_WAIT_NANOS;
        while (!store.isOpen() && System.nanoTime() - until < 0) {
            writer.wanted();
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50));
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private void insertResults(Connection connection, Schema schema, long runId, TestRunUpload upload)
            throws SQLException {
        if (upload.tests().isEmpty()) {
            return;
        }
        long id = ids.next("test_result", upload.tests().size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.name("test_result")
                + " (id, run_id, test_name, outcome, failures, median_ms, mean_ms, durations, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (UploadedTest test : upload.tests()) {
                insert.setLong(1, id++);
                insert.setLong(2, runId);
                insert.setString(3, test.name());
                insert.setString(4, test.outcome());
                insert.setInt(5, test.failures());
                setMs(insert, 6, TestTrend.median(test.durationsMs()));
                setMs(insert, 7, TestTrend.mean(test.durationsMs()));
                insert.setString(8, durations(test));
                insert.setString(9, test.message());
                insert.addBatch();
                if (++pending == 500) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** @return the durations as stored: ms with at most three decimals, comma-separated */
    static String durations(UploadedTest test) {
        return test.durationsMs().stream().map(StoreTestRuns::ms).collect(Collectors.joining(","));
    }

    private static String ms(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static void setMs(PreparedStatement insert, int index, double ms) throws SQLException {
        if (Double.isNaN(ms)) {
            insert.setNull(index, java.sql.Types.DOUBLE);
        } else {
            insert.setDouble(index, ms);
        }
    }

    private static boolean exists(Connection connection, Schema schema, String runKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + schema.name("test_run")
                + " WHERE run_key = ?")) {
            select.setString(1, runKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}
