package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Problems;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention on real PostgreSQL and MariaDB, and on H2 (the embedded database of Payara's default datasource): a
 * pass deletes exactly the requests, stack lines and outliers older than {@code fmd.retention-days} and the rollups
 * older than {@code fmd.rollup-retention-days}, in transactions of at most its batch size, one instance at a time.
 * <p>
 * The rows imitate two instances with blocks of request ids: instance a (ids 1 to 1300) and instance b (ids 2001 to
 * 2200), each old up to the cutoff and new from it, so that b's old requests lie above the cutoff id. Request 300 is
 * missing but has stack lines (left by a pass cut short); id 900 is free for a late request.
 */
class RetentionIT {

    private static final int ROWS = 100;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(1800).plusMillis(123);
    private static final LocalDateTime UTC_NOW = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
    private static final LocalDateTime CUTOFF = UTC_NOW.minusDays(30);
    private static final LocalDateTime ROLLUP_CUTOFF = UTC_NOW.minusDays(730);
    private static final List<String> ROLLUP_TABLES = List.of("rollup", "rollup_day", "rollup_dimension",
            "rollup_status", "rollup_app_hour");

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void passDeletesExactlyTheOldRowsInTransactionsOfAtMostItsBatchSize(String database) throws Exception {
        withOldAndNewRows(database, (dataSource, prefix, expected, jobs) -> {
            RecordingDataSource recording = new RecordingDataSource(dataSource);
            Retention retention = jobs.retention(recording.dataSource(), prefix, Duration.ofMillis(500));

            RetentionPass.Summary pass = jobs.completePass(retention, 100);

            expected.assertRemaining(dataSource, prefix);
            assertEquals(expected.deleted, pass.deleted(), "rows deleted per table, as the pass counted them");
            List<Integer> transactions = recording.transactions();
            assertEquals(pass.transactions(), transactions.size(), "one transaction per slice");
            assertTrue(transactions.stream().allMatch(rows -> rows <= ROWS),
                    "every transaction deleted " + ROWS + " rows at most: " + transactions);
            assertEquals(expected.deleted.values().stream().mapToLong(Long::longValue).sum(),
                    transactions.stream().mapToLong(Integer::longValue).sum(), "rows deleted, as the database saw it");
            assertTrue(transactions.stream().filter(rows -> rows > 0).count() >= 50,
                    "the old rows went in many slices: " + transactions);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void secondInstanceSkipsItsTurnWhileTheFirstHoldsTheLease(String database) throws Exception {
        withOldAndNewRows(database, (dataSource, prefix, expected, jobs) -> {
            RecordingDataSource first = new RecordingDataSource(dataSource);
            RecordingDataSource second = new RecordingDataSource(dataSource);
            Retention one = jobs.retention(first.dataSource(), prefix, Duration.ZERO);
            Retention other = jobs.retention(second.dataSource(), prefix, Duration.ZERO);

            one.round();
            other.round();

            assertEquals(1, first.transactions().size(), "the first instance took the lease and ran one slice");
            assertEquals(List.of(), second.transactions(), "the second found the lease taken and did nothing");
            assertTrue(other.lastPass().isEmpty());
            int rounds = 1;
            while (one.lastPass().isEmpty()) {
                one.round();
                other.round();
                rounds++;
                assertEquals(rounds, first.transactions().size(), "with no budget, one slice per round");
                assertTrue(rounds < 1_000, "the pass completes");
            }
            assertEquals(List.of(), second.transactions(), "the second never ran while the first held the lease");
            expected.assertRemaining(dataSource, prefix);

            Retention third = jobs.retention(dataSource, prefix, Duration.ofMillis(500));
            RetentionPass.Summary again = jobs.completePass(third, 10);
            assertTrue(again.deleted().values().stream().allMatch(rows -> rows == 0),
                    "the lease was released; a pass right after finds nothing to delete: " + again.deleted());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void newRequestWrittenBelowTheCutoffIdDuringThePassKeepsItsRows(String database) throws Exception {
        withOldAndNewRows(database, (dataSource, prefix, expected, jobs) -> {
            RecordingDataSource recording = new RecordingDataSource(dataSource);
            Retention retention = jobs.retention(recording.dataSource(), prefix, Duration.ZERO);
            while (recording.transactions().stream().allMatch(rows -> rows == 0)) {
                retention.round();
                assertTrue(retention.lastPass().isEmpty() && recording.transactions().size() < 100,
                        "the walk found the cutoff id, then deletes began");
            }

            // an instance idle for longer than the retention writes with its old block of ids
            Rows rows = new Rows(dataSource, prefix);
            rows.requests(List.of(900L), id -> UTC_NOW.minusMinutes(1), "idle");
            rows.stackLines(List.of(900L));
            rows.outliers(List.of(900L), id -> UTC_NOW.minusMinutes(1));
            expected.requests.add(900L);
            expected.stackLines.addAll(List.of("900:0", "900:1", "900:2"));
            expected.outliers.add(100_900L);
            jobs.completePass(retention, 500);

            expected.assertRemaining(dataSource, prefix);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void afterEachRoundOfWorkThePassRestsInProportionBeforeItGoesOn(String database) throws Exception {
        withOldAndNewRows(database, (dataSource, prefix, expected, jobs) -> {
            RecordingDataSource recording = new RecordingDataSource(dataSource);
            Retention retention = jobs.retention(recording.dataSource(), prefix, Duration.ZERO, 100_000);

            retention.round();
            retention.round();

            assertEquals(1, recording.transactions().size(), "one slice, then a rest of 100,000 times as long");
        });
    }

    /** What a test does with the rows {@link #fill} inserted. */
    @FunctionalInterface
    private interface Scenario {
        void run(DataSource dataSource, String prefix, Expected expected, Jobs jobs) throws Exception;
    }

    /** Runs the scenario on tables of a fresh prefix filled with old and new rows; fails on any reported failure. */
    private static void withOldAndNewRows(String database, Scenario scenario) throws Exception {
        DataSource dataSource = dataSource(database);
        String prefix = "rt" + MigrationsIT.uniquePrefix();
        try {
            Jobs jobs = new Jobs();
            scenario.run(dataSource, prefix, fill(dataSource, prefix), jobs);
            jobs.assertNoFailure();
        } finally {
            MigrationsIT.drop(dataSource, prefix);
        }
    }

    /** Inserts old and new rows of every kind into freshly migrated tables; returns what must remain. */
    private static Expected fill(DataSource dataSource, String prefix) throws SQLException {
        Migrations.migrate(new Schema(prefix), dataSource, "it");
        Rows rows = new Rows(dataSource, prefix);
        Expected expected = new Expected();
        List<Long> oldA = new ArrayList<>();
        List<Long> newA = new ArrayList<>();
        for (long id = 1; id <= 1300; id++) {
            if (id != 300 && id != 900) {
                (id <= 1200 ? oldA : newA).add(id);
            }
        }
        List<Long> oldB = new ArrayList<>();
        List<Long> newB = new ArrayList<>();
        for (long id = 2001; id <= 2200; id++) {
            (id <= 2150 ? oldB : newB).add(id);
        }
        // a's last old request 1 ms before the cutoff, its first new one at the cutoff itself
        rows.requests(oldA, id -> CUTOFF.minusMinutes(1200 - id).minus(1, ChronoUnit.MILLIS), "a");
        rows.requests(newA, id -> CUTOFF.plusMinutes(id - 1201), "a");
        rows.requests(oldB, id -> CUTOFF.minusSeconds(2151 - id), "b");
        rows.requests(newB, id -> CUTOFF.plusSeconds(id - 2150), "b");
        List<Long> all = new ArrayList<>();
        List.of(oldA, newA, oldB, newB).forEach(all::addAll);
        all.add(300L);
        rows.stackLines(all);
        List<Long> withOutlier = all.stream().filter(id -> id % 7 == 0 && id != 300).toList();
        rows.outliers(withOutlier, id -> id < 1201 || (id > 2000 && id <= 2150) ? CUTOFF.minusMinutes(1) : UTC_NOW);
        rows.codeLines();

        Set<Long> newIds = new TreeSet<>(newA);
        newIds.addAll(newB);
        expected.requests.addAll(newIds);
        newIds.forEach(id -> List.of(0, 1, 2).forEach(p -> expected.stackLines.add(id + ":" + p)));
        withOutlier.stream().filter(newIds::contains).forEach(id -> expected.outliers.add(100_000 + id));
        expected.deleted.put("request", (long) oldA.size() + oldB.size());
        expected.deleted.put("stack_line", 3L * (oldA.size() + oldB.size() + 1));
        expected.deleted.put("outlier", withOutlier.stream().filter(id -> !newIds.contains(id)).count());

        // rollups: the buckets wholly before the rollup cutoff go; the one holding it stays, and younger ones
        long rollupId = 1;
        for (String table : ROLLUP_TABLES) {
            ChronoUnit unit = hourly(table) ? ChronoUnit.HOURS : ChronoUnit.DAYS;
            LocalDateTime holdingCutoff = ROLLUP_CUTOFF.truncatedTo(unit);
            Map<Long, LocalDateTime> buckets = new LinkedHashMap<>();
            int old = hourly(table) ? 150 : 3;
            for (int k = 1; k <= old; k++) {
                buckets.put(rollupId++, holdingCutoff.minus(k, unit));
            }
            expected.deleted.put(table, (long) old);
            Set<Long> kept = expected.rollups.computeIfAbsent(table, t -> new TreeSet<>());
            for (LocalDateTime bucket : List.of(holdingCutoff, CUTOFF.minusDays(1).truncatedTo(unit),
                    UTC_NOW.truncatedTo(unit))) {
                kept.add(rollupId);
                buckets.put(rollupId++, bucket);
            }
            rows.rollups(table, buckets);
        }

        // the Testmonitor's rows are kept as long as the rollups: a run uploaded before the rollup cutoff goes with its
        // results and its tests' requests, as do requests of a run never uploaded; a run within it stays, all of it
        LocalDateTime oldRun = ROLLUP_CUTOFF.minusDays(1);
        LocalDateTime keptRun = CUTOFF.minusDays(1);
        rows.testRun(1, "old-run", oldRun);
        rows.testRun(2, "kept-run", keptRun);
        for (long id = 1; id <= 5; id++) {
            rows.testResult(id, id <= 3 ? 1 : 2, "com.acme.T#t" + id);
        }
        rows.testEndpoint(1, "old-run", oldRun.minusHours(1));
        rows.testEndpoint(2, "old-run", oldRun.minusHours(1));
        rows.testEndpoint(3, "never-uploaded", ROLLUP_CUTOFF.minusDays(5));
        rows.testEndpoint(4, "kept-run", keptRun.minusHours(1));
        rows.testEndpoint(5, "kept-run", keptRun.minusHours(1));
        expected.tests.put("test_run", new TreeSet<>(Set.of(2L)));
        expected.tests.put("test_result", new TreeSet<>(Set.of(4L, 5L)));
        expected.tests.put("test_endpoint", new TreeSet<>(Set.of(4L, 5L)));
        expected.deleted.put("test_endpoint", 3L);
        expected.deleted.put("test_result", 3L);
        expected.deleted.put("test_run", 1L);
        return expected;
    }

    private static boolean hourly(String table) {
        return table.equals("rollup") || table.equals("rollup_app_hour");
    }

    /**
     * @return the column that tells a rollup table's rows apart in these tests: the id; for the app-wide hourly
     *         rollup, which has none (its key is hour and instance), the hits, which the test sets to the row's number
     */
    private static String rowNumber(String table) {
        return table.equals("rollup_app_hour") ? "hits" : "id";
    }

    /** What must remain after a pass, and what it must have deleted. */
    private static final class Expected {
        final Set<Long> requests = new TreeSet<>();
        final Set<String> stackLines = new TreeSet<>();
        final Set<Long> outliers = new TreeSet<>();
        final Map<String, Set<Long>> rollups = new LinkedHashMap<>();
        final Map<String, Set<Long>> tests = new LinkedHashMap<>();
        final Map<String, Long> deleted = new LinkedHashMap<>();

        void assertRemaining(DataSource dataSource, String prefix) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                assertEquals(requests, ids(statement, "SELECT id FROM " + prefix + "request"), "requests left");
                Set<String> lines = new TreeSet<>();
                try (ResultSet rows = statement.executeQuery("SELECT request_id, position FROM " + prefix
                        + "stack_line")) {
                    while (rows.next()) {
                        lines.add(rows.getLong(1) + ":" + rows.getInt(2));
                    }
                }
                assertEquals(stackLines, lines, "stack lines left");
                assertEquals(outliers, ids(statement, "SELECT id FROM " + prefix + "outlier"), "outliers left");
                assertEquals(3, MigrationsIT.count(statement, "SELECT COUNT(*) FROM " + prefix + "code_line"),
                        "code lines are shared and stay");
                for (Map.Entry<String, Set<Long>> table : rollups.entrySet()) {
                    assertEquals(table.getValue(), ids(statement, "SELECT " + rowNumber(table.getKey()) + " FROM "
                            + prefix + table.getKey()), table.getKey() + " rows left");
                }
                for (Map.Entry<String, Set<Long>> table : tests.entrySet()) {
                    assertEquals(table.getValue(), ids(statement, "SELECT id FROM " + prefix + table.getKey()),
                            table.getKey() + " rows left");
                }
            }
        }

        private static Set<Long> ids(Statement statement, String sql) throws SQLException {
            Set<Long> ids = new TreeSet<>();
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Retention jobs of one test, with the failures they report. */
    private static final class Jobs {
        final List<Failure> unreachable = new ArrayList<>();
        final Problems problems = new Problems();
        final int warningsBefore = FmdWarnings.INSTANCE.messages().size();

        Retention retention(DataSource dataSource, String prefix, Duration budget) {
            return retention(dataSource, prefix, budget, 0);
        }

        Retention retention(DataSource dataSource, String prefix, Duration budget, int rest) {
            Map<String, String> keys = Map.of(FmdConfig.TABLE_PREFIX, prefix, FmdConfig.RETENTION_DAYS, "30",
                    FmdConfig.ROLLUP_RETENTION_DAYS, "730");
            FmdConfig config = FmdConfig.read(key -> Optional.ofNullable(keys.get(key)), "it");
            return new Retention(new Store(config, dataSource), problems, unreachable::add,
                    new Retention.Pace(ROWS, Duration.ZERO, Duration.ofHours(1), budget, rest, Duration.ofMinutes(5)),
                    Clock.fixed(NOW, ZoneOffset.UTC));
        }

        RetentionPass.Summary completePass(Retention retention, int maxRounds) {
            for (int round = 0; round < maxRounds && retention.lastPass().isEmpty(); round++) {
                retention.round();
            }
            assertNoFailure();
            return retention.lastPass().orElseThrow(() -> new AssertionError("no pass completed"));
        }

        void assertNoFailure() {
            assertEquals(List.of(), unreachable, "the database answered throughout");
            List<String> warnings = FmdWarnings.INSTANCE.messages();
            assertEquals(List.of(), warnings.subList(warningsBefore, warnings.size()), "no problem reported");
        }
    }

    /** Inserts fmd's rows with plain JDBC. */
    private record Rows(DataSource dataSource, String prefix) {

        void requests(List<Long> ids, java.util.function.LongFunction<LocalDateTime> time, String instance)
                throws SQLException {
            batch("INSERT INTO " + prefix + "request (id, endpoint_id, duration, time_requested, status_code, "
                    + "instance) VALUES (?, 1, 12.5, ?, 200, ?)", ids, (insert, id) -> {
                insert.setLong(1, id);
                insert.setObject(2, time.apply(id));
                insert.setString(3, instance);
            });
        }

        void stackLines(List<Long> requestIds) throws SQLException {
            List<Long> keys = new ArrayList<>();
            requestIds.forEach(id -> List.of(0L, 1L, 2L).forEach(p -> keys.add(id * 3 + p)));
            batch("INSERT INTO " + prefix + "stack_line (request_id, position, indent, code_line_id, duration) "
                    + "VALUES (?, ?, ?, ?, 1.0)", keys, (insert, key) -> {
                insert.setLong(1, key / 3);
                insert.setInt(2, (int) (key % 3));
                insert.setInt(3, (int) (key % 3));
                insert.setLong(4, key % 3 + 1);
            });
        }

        void outliers(List<Long> requestIds, java.util.function.LongFunction<LocalDateTime> time)
                throws SQLException {
            batch("INSERT INTO " + prefix + "outlier (id, request_id, endpoint_id, time_requested, stack_trace) "
                    + "VALUES (?, ?, 1, ?, 'at A.b')", requestIds, (insert, id) -> {
                insert.setLong(1, 100_000 + id);
                insert.setLong(2, id);
                insert.setObject(3, time.apply(id));
            });
        }

        void testRun(long id, String key, LocalDateTime uploaded) throws SQLException {
            batch("INSERT INTO " + prefix + "test_run (id, run_key, started_at, uploaded_at, times, tests, failed, "
                    + "source) VALUES (?, ?, ?, ?, 5, 3, 0, 'junit5')", List.of(id), (insert, row) -> {
                        insert.setLong(1, row);
                        insert.setString(2, key);
                        insert.setObject(3, uploaded.minusMinutes(10));
                        insert.setObject(4, uploaded);
                    });
        }

        void testResult(long id, long runId, String name) throws SQLException {
            batch("INSERT INTO " + prefix + "test_result (id, run_id, test_name, outcome, failures, median_ms, mean_ms, "
                    + "durations) VALUES (?, ?, ?, 'passed', 0, 1.0, 1.0, '1,1,1,1,1')", List.of(id), (insert, row) -> {
                        insert.setLong(1, row);
                        insert.setLong(2, runId);
                        insert.setString(3, name);
                    });
        }

        void testEndpoint(long id, String runKey, LocalDateTime lastSeen) throws SQLException {
            batch("INSERT INTO " + prefix + "test_endpoint (id, run_key, test_name, endpoint_id, hits, total_ms, "
                    + "last_seen) VALUES (?, ?, ?, 1, 5, 10.0, ?)", List.of(id), (insert, row) -> {
                        insert.setLong(1, row);
                        insert.setString(2, runKey);
                        insert.setString(3, "com.acme.T#t" + row);
                        insert.setObject(4, lastSeen);
                    });
        }

        void codeLines() throws SQLException {
            batch("INSERT INTO " + prefix + "code_line (id, class_name, method_name, file_name, line_number) "
                    + "VALUES (?, 'A', 'b', 'A.java', ?)", List.of(1L, 2L, 3L), (insert, id) -> {
                insert.setLong(1, id);
                insert.setInt(2, id.intValue());
            });
        }

        void rollups(String table, Map<Long, LocalDateTime> buckets) throws SQLException {
            if (table.equals("rollup_app_hour")) {
                batch("INSERT INTO " + prefix + table + " (hour_start, instance, hits) VALUES (?, 'a', ?)",
                        List.copyOf(buckets.keySet()), (insert, id) -> {
                            insert.setObject(1, buckets.get(id));
                            insert.setLong(2, id);
                        });
                return;
            }
            String columns = switch (table) {
                case "rollup_status" -> ", status_code";
                case "rollup_dimension" -> ", dimension, dim_value, errors, client_errors, total_ms, histogram";
                default -> ", errors, client_errors, total_ms, histogram";
            };
            String values = switch (table) {
                case "rollup_status" -> ", 200";
                case "rollup_dimension" -> ", 'u', 'alice', 0, 0, 12.5, ''";
                default -> ", 0, 0, 12.5, ''";
            };
            String bucketColumn = table.equals("rollup") ? "hour_start" : "day_start";
            batch("INSERT INTO " + prefix + table + " (id, endpoint_id, " + bucketColumn + ", version, instance, "
                    + "hits" + columns + ") VALUES (?, 1, ?, '1.0', 'a', 1" + values + ")",
                    List.copyOf(buckets.keySet()), (insert, id) -> {
                        insert.setLong(1, id);
                        insert.setObject(2, buckets.get(id));
                    });
        }

        @FunctionalInterface
        interface Binder {
            void bind(PreparedStatement insert, Long key) throws SQLException;
        }

        private void batch(String sql, List<Long> keys, Binder binder) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(sql)) {
                for (Long key : keys) {
                    binder.bind(insert, key);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static DataSource dataSource(String database) {
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:retention;DB_CLOSE_DELAY=-1");
            return h2;
        }
        return MigrationsIT.dataSource(database);
    }
}
