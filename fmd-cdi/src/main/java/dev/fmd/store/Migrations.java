package dev.fmd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings fmd's tables to the current version: the ordered {@link #ALL migrations}, each applied once and recorded in
 * {@code <prefix>schema_version}. Several instances starting at once take turns through the {@code "schema"}
 * {@link Lease}: one applies what is missing, the others wait and then find nothing left to do. A database created
 * by release 0.1 (which had no version table) has the tables of migration 1 already, so that migration only records
 * itself, and the next ones upgrade it, rows included.
 * <p>
 * A migration must be safe to run again after a crash half-way: it creates only what is missing, and fills what it
 * adds in the same run.
 */
final class Migrations {

    private static final Logger LOG = Logger.getLogger("dev.fmd");
    private static final long LEASE_MS = TimeUnit.MINUTES.toMillis(30);
    private static final long POLL_MS = 500;

    /** One step of the schema. */
    record Migration(int version, String description, Step step) {
    }

    /** What a migration does, on an auto-commit connection. */
    @FunctionalInterface
    interface Step {
        void apply(Schema schema, Connection connection, DataSource dataSource) throws SQLException;
    }

    /** Every migration, in order. Append only: a released migration never changes. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "release 0.1: endpoints, requests, hourly rollups, profiles, outliers",
                    Migrations::release01),
            new Migration(2, "rollups per day, user, IP and status; 4xx counts; instances; leases",
                    Migrations::rollupsForEveryPage),
            new Migration(3, "app-wide requests per hour, for the hourly load of the whole application",
                    Migrations::appHours),
            new Migration(4, "outliers: the endpoint's average they were compared with; newest-first indexes",
                    Migrations::outlierAverages),
            new Migration(5, "requests: without the index (endpoint_id, id), which no query uses",
                    Migrations::requestWithoutEndpointIdIndex),
            new Migration(6, "Testmonitor: test runs, their tests' results, the endpoints each test reached",
                    Migrations::testmonitor));

    /** @return the version this code brings a database to */
    static int current() {
        return ALL.get(ALL.size() - 1).version();
    }

    private Migrations() {
    }

    /**
     * Applies the missing migrations.
     *
     * @param schema     names the tables
     * @param dataSource where they live
     * @param instance   this instance's name, for the lease
     * @return the migrations this call applied (empty when another instance did, or none was missing)
     * @throws SQLException when the database cannot be reached or a migration fails
     */
    static List<Integer> migrate(Schema schema, DataSource dataSource, String instance) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Schema.Dialect dialect = Schema.Dialect.of(connection);
            schema.table(connection, "schema_version", "version INT NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at " + dialect.timestamp + " NOT NULL");
            schema.table(connection, "lease", "name VARCHAR(50) NOT NULL PRIMARY KEY, holder VARCHAR(150) NOT NULL, "
                    + "expires_at BIGINT NOT NULL");
            if (applied(schema, connection).containsAll(versions())) {
                return List.of();
            }
        }
        Lease lease = new Lease(schema, "schema", instance + "/" + UUID.randomUUID());
        while (!lease.tryTake(dataSource, LEASE_MS)) {
            try (Connection connection = dataSource.getConnection()) {
                if (applied(schema, connection).containsAll(versions())) {
                    return List.of();
                }
            }
            sleep();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Set<Integer> applied = applied(schema, connection);
            List<Integer> done = new java.util.ArrayList<>();
            for (Migration migration : ALL) {
                if (applied.contains(migration.version())) {
                    continue;
                }
                long start = System.nanoTime();
                migration.step().apply(schema, connection, dataSource);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                        + schema.name("schema_version") + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setObject(3, LocalDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                done.add(migration.version());
                LOG.info("fmd: schema migration " + migration.version() + " (" + migration.description()
                        + ") applied to the tables with prefix '" + schema.prefix() + "' in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            }
            return done;
        } finally {
            lease.release(dataSource);
        }
    }

    /** @return the versions recorded in the version table */
    static Set<Integer> applied(Schema schema, Connection connection) throws SQLException {
        Set<Integer> versions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + schema.name("schema_version"))) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static Set<Integer> versions() {
        Set<Integer> versions = new TreeSet<>();
        ALL.forEach(m -> versions.add(m.version()));
        return versions;
    }

    /** The tables exactly as release 0.1 created them (when they exist, nothing changes). */
    private static void release01(Schema schema, Connection connection, DataSource dataSource) throws SQLException {
        Schema.Dialect dialect = Schema.Dialect.of(connection);
        String ts = dialect.timestamp;
        schema.table(connection, "sequence", "seq_name VARCHAR(50) NOT NULL PRIMARY KEY, seq_count BIGINT NOT NULL");
        schema.table(connection, "endpoint", "id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(250) NOT NULL, "
                + "http_method VARCHAR(16) NOT NULL, path VARCHAR(480) NOT NULL, monitor_level INT NOT NULL, "
                + "time_added " + ts + " NOT NULL, version_added VARCHAR(100), last_requested " + ts);
        schema.table(connection, "request", "id BIGINT NOT NULL PRIMARY KEY, endpoint_id BIGINT NOT NULL, "
                + "duration DECIMAL(16,4) NOT NULL, time_requested " + ts + " NOT NULL, "
                + "version_requested VARCHAR(100), group_by VARCHAR(255), ip VARCHAR(45), "
                + "status_code INT NOT NULL, exception_type VARCHAR(255), instance VARCHAR(100)");
        schema.table(connection, "rollup", "id BIGINT NOT NULL PRIMARY KEY, endpoint_id BIGINT NOT NULL, "
                + "hour_start " + ts + " NOT NULL, version VARCHAR(100) NOT NULL, instance VARCHAR(100) NOT NULL, "
                + "hits BIGINT NOT NULL, errors BIGINT NOT NULL, total_ms DOUBLE PRECISION NOT NULL, "
                + "histogram " + dialect.text);
        schema.table(connection, "code_line", "id BIGINT NOT NULL PRIMARY KEY, class_name VARCHAR(250) NOT NULL, "
                + "method_name VARCHAR(120) NOT NULL, file_name VARCHAR(120) NOT NULL, line_number INT NOT NULL");
        schema.table(connection, "stack_line", "request_id BIGINT NOT NULL, position INT NOT NULL, "
                + "indent INT NOT NULL, code_line_id BIGINT NOT NULL, duration DECIMAL(16,4) NOT NULL, "
                + "PRIMARY KEY (request_id, position)");
        schema.table(connection, "outlier", "id BIGINT NOT NULL PRIMARY KEY, request_id BIGINT NOT NULL, "
                + "endpoint_id BIGINT NOT NULL, time_requested " + ts + " NOT NULL, stack_trace " + dialect.text
                + ", cpu_percent DOUBLE PRECISION, heap_used BIGINT, heap_committed BIGINT, request_url "
                + dialect.text + ", query_params " + dialect.text + ", form_params " + dialect.text
                + ", request_headers " + dialect.text + ", request_environment " + dialect.text);
        schema.index(connection, true, "endpoint_key", "endpoint", "name, http_method, path");
        schema.index(connection, false, "request_endpoint_time", "request", "endpoint_id, time_requested");
        schema.index(connection, false, "request_time", "request", "time_requested");
        schema.index(connection, true, "rollup_key", "rollup", "endpoint_id, hour_start, version, instance");
        schema.index(connection, false, "rollup_hour", "rollup", "hour_start");
        schema.index(connection, false, "request_endpoint_id", "request", "endpoint_id, id");
        schema.index(connection, true, "code_line_key", "code_line", "class_name, method_name, file_name, line_number");
        schema.index(connection, false, "outlier_endpoint", "outlier", "endpoint_id, id");
        schema.index(connection, false, "outlier_request", "outlier", "request_id");
        for (String sequence : List.of("endpoint", "request", "rollup", "code_line", "outlier")) {
            schema.sequenceRow(connection, sequence);
        }
    }

    /**
     * The rollups every dashboard page reads (per day; per user and IP; per status), the 4xx count of the hourly
     * rollup, the instances table; then fills them from the requests already stored, so that an upgraded database
     * shows its past on the new pages.
     */
    private static void rollupsForEveryPage(Schema schema, Connection connection, DataSource dataSource)
            throws SQLException {
        Schema.Dialect dialect = Schema.Dialect.of(connection);
        String ts = dialect.timestamp;
        String sums = "hits BIGINT NOT NULL, errors BIGINT NOT NULL, client_errors BIGINT NOT NULL, "
                + "total_ms DOUBLE PRECISION NOT NULL, histogram " + dialect.text;
        schema.column(connection, "rollup", "client_errors", "BIGINT DEFAULT 0 NOT NULL");
        schema.table(connection, "rollup_day", "id BIGINT NOT NULL PRIMARY KEY, endpoint_id BIGINT NOT NULL, "
                + "day_start " + ts + " NOT NULL, version VARCHAR(100) NOT NULL, instance VARCHAR(100) NOT NULL, "
                + sums);
        schema.table(connection, "rollup_dimension", "id BIGINT NOT NULL PRIMARY KEY, endpoint_id BIGINT NOT NULL, "
                + "day_start " + ts + " NOT NULL, version VARCHAR(100) NOT NULL, instance VARCHAR(100) NOT NULL, "
                + "dimension VARCHAR(1) NOT NULL, dim_value VARCHAR(255) NOT NULL, " + sums);
        schema.table(connection, "rollup_status", "id BIGINT NOT NULL PRIMARY KEY, endpoint_id BIGINT NOT NULL, "
                + "day_start " + ts + " NOT NULL, version VARCHAR(100) NOT NULL, instance VARCHAR(100) NOT NULL, "
                + "status_code INT NOT NULL, hits BIGINT NOT NULL");
        schema.table(connection, "instance", "name VARCHAR(100) NOT NULL PRIMARY KEY, version VARCHAR(100), "
                + "first_seen " + ts + " NOT NULL, last_seen " + ts + " NOT NULL");
        schema.index(connection, true, "rollup_day_key", "rollup_day", "endpoint_id, day_start, version, instance");
        schema.index(connection, false, "rollup_day_day", "rollup_day", "day_start");
        schema.index(connection, true, "rollup_dim_key", "rollup_dimension",
                "endpoint_id, day_start, dimension, dim_value, version, instance");
        schema.index(connection, false, "rollup_dim_day", "rollup_dimension", "day_start");
        schema.index(connection, true, "rollup_status_key", "rollup_status",
                "endpoint_id, day_start, status_code, version, instance");
        schema.index(connection, false, "rollup_status_day", "rollup_status", "day_start");
        for (String sequence : List.of("rollup_day", "rollup_dimension", "rollup_status")) {
            schema.sequenceRow(connection, sequence);
        }
        backfill(schema, connection, dataSource);
    }

    /**
     * The app-wide hourly load ({@link AppHourRows}): requests per hour and instance over every endpoint and version,
     * filled from the hourly rollup. Instances still running a version without this table while another applies it
     * (a rolling upgrade) keep writing {@code rollup} but not this table: their requests of that time are missing
     * from the app-wide heatmap only.
     */
    private static void appHours(Schema schema, Connection connection, DataSource dataSource) throws SQLException {
        schema.table(connection, RollupTable.APP_HOUR.name(), "hour_start " + Schema.Dialect.of(connection).timestamp
                + " NOT NULL, instance VARCHAR(100) NOT NULL, hits BIGINT NOT NULL, "
                + "PRIMARY KEY (hour_start, instance)");
        inTransaction(connection, () -> AppHourRows.fill(schema, connection));
    }

    /**
     * The endpoint's running average an outlier was compared with ({@code average_ms}, null in the rows stored
     * before), and the indexes the outlier lists walk newest first, of an endpoint and of the whole app.
     */
    private static void outlierAverages(Schema schema, Connection connection, DataSource dataSource)
            throws SQLException {
        schema.column(connection, "outlier", "average_ms", "DOUBLE PRECISION");
        schema.index(connection, false, "outlier_endpoint_time", "outlier", "endpoint_id, time_requested, request_id");
        schema.index(connection, false, "outlier_time", "outlier", "time_requested, request_id");
    }

    /**
     * Drops {@code request_endpoint_id} {@code (endpoint_id, id)}: every query of an endpoint's requests walks
     * {@code request_endpoint_time} {@code (endpoint_id, time_requested)} (the request list, the profiled requests,
     * their counts), the time windows {@code request_time}, retention the primary key. Each index costs the writer an
     * entry per stored row and another in the commit; this one was about a tenth of the writer's CPU on the embedded
     * H2 (docs/writer.md).
     */
    private static void requestWithoutEndpointIdIndex(Schema schema, Connection connection, DataSource dataSource)
            throws SQLException {
        schema.dropIndex(connection, "request_endpoint_id", "request");
    }

    /**
     * The Testmonitor's tables ({@link StoreTestRuns}, {@link TestEndpointRows}): one row per uploaded run
     * ({@code run_key} unique: the same run is not taken twice), one per test and run (its repetitions' durations as
     * text, with their median and mean for the pages), and one per run, test and endpoint its requests reached (added
     * up by the writer from tagged requests, which arrive before their run is uploaded: joined by {@code run_key}).
     */
    private static void testmonitor(Schema schema, Connection connection, DataSource dataSource) throws SQLException {
        Schema.Dialect dialect = Schema.Dialect.of(connection);
        String ts = dialect.timestamp;
        schema.table(connection, "test_run", "id BIGINT NOT NULL PRIMARY KEY, run_key VARCHAR(64) NOT NULL, "
                + "build VARCHAR(100), app_version VARCHAR(100), started_at " + ts + " NOT NULL, uploaded_at " + ts
                + " NOT NULL, times INT NOT NULL, tests INT NOT NULL, failed INT NOT NULL, source VARCHAR(20) NOT NULL");
        schema.table(connection, "test_result", "id BIGINT NOT NULL PRIMARY KEY, run_id BIGINT NOT NULL, "
                + "test_name VARCHAR(500) NOT NULL, outcome VARCHAR(10) NOT NULL, failures INT NOT NULL, "
                + "median_ms DOUBLE PRECISION, mean_ms DOUBLE PRECISION, durations " + dialect.text
                + ", message VARCHAR(2000)");
        schema.table(connection, "test_endpoint", "id BIGINT NOT NULL PRIMARY KEY, run_key VARCHAR(64) NOT NULL, "
                + "test_name VARCHAR(500) NOT NULL, endpoint_id BIGINT NOT NULL, hits BIGINT NOT NULL, "
                + "total_ms DOUBLE PRECISION NOT NULL, last_seen " + ts + " NOT NULL");
        schema.index(connection, true, "test_run_key", "test_run", "run_key");
        schema.index(connection, false, "test_run_uploaded", "test_run", "uploaded_at");
        schema.index(connection, true, "test_result_key", "test_result", "run_id, test_name");
        schema.index(connection, false, "test_result_name", "test_result", "test_name, run_id");
        schema.index(connection, true, "test_endpoint_key", "test_endpoint", "run_key, test_name, endpoint_id");
        schema.index(connection, false, "test_endpoint_endpoint", "test_endpoint", "endpoint_id, run_key");
        for (String sequence : List.of("test_run", "test_result", "test_endpoint")) {
            schema.sequenceRow(connection, sequence);
        }
    }

    /**
     * Adds the stored requests to the new rollups and counts their 4xx into the hourly ones, in one transaction. The
     * new tables are emptied first, so that a run interrupted half-way and started again counts every request once.
     */
    private static void backfill(Schema schema, Connection connection, DataSource dataSource) throws SQLException {
        inTransaction(connection, () -> backfillRequests(schema, connection, dataSource));
    }

    private static void backfillRequests(Schema schema, Connection connection, DataSource dataSource)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("rollup_day", "rollup_dimension", "rollup_status")) {
                statement.executeUpdate("DELETE FROM " + schema.name(table));
            }
            statement.executeUpdate("UPDATE " + schema.name("rollup") + " SET client_errors = 0");
            Map<String, Rollups> byInstance = new HashMap<>();
            Map<List<Object>, Long> clientErrors = new HashMap<>();
            statement.setFetchSize(5_000);
            try (ResultSet rows = statement.executeQuery("SELECT endpoint_id, duration, time_requested, "
                    + "version_requested, group_by, ip, status_code, instance FROM " + schema.name("request")
                    + " ORDER BY id")) {
                while (rows.next()) {
                    long endpointId = rows.getLong(1);
                    double ms = rows.getBigDecimal(2).doubleValue();
                    LocalDateTime time = rows.getObject(3, LocalDateTime.class);
                    String version = rows.getString(4) == null ? "" : rows.getString(4);
                    int status = rows.getInt(7);
                    String instance = rows.getString(8) == null ? "" : rows.getString(8);
                    byInstance.computeIfAbsent(instance, i -> new Rollups(schema, i, 100))
                            .add(endpointId, time, version, rows.getString(5), rows.getString(6), status, ms);
                    if (status >= 400 && status < 500) {
                        clientErrors.merge(List.of(endpointId, time.truncatedTo(ChronoUnit.HOURS), version, instance),
                                1L, Long::sum);
                    }
                }
            }
            IdBlocks ids = new IdBlocks(schema, dataSource);
            for (Rollups rollups : byInstance.values()) {
                Map<Rollups.Key, Rollups.Delta> all = rollups.take();
                all.keySet().removeIf(key -> key.table() == RollupTable.HOUR);
                rollups.write(connection, ids, all);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + schema.name("rollup")
                    + " SET client_errors = ? WHERE endpoint_id = ? AND hour_start = ? AND version = ? "
                    + "AND instance = ?")) {
                for (Map.Entry<List<Object>, Long> entry : clientErrors.entrySet()) {
                    update.setLong(1, entry.getValue());
                    for (int i = 0; i < 4; i++) {
                        update.setObject(i + 2, entry.getKey().get(i));
                    }
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    /** What a migration does in one transaction. */
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs work on an auto-commit connection in one transaction: committed when it returns, rolled back when it
     * throws; auto-commit again after.
     */
    private static void inTransaction(Connection connection, Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another instance's schema migration", e);
        }
    }
}
