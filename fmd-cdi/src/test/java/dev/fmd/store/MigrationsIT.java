package dev.fmd.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The versioned schema on real PostgreSQL and MariaDB: instances starting at once apply each migration once, and a
 * database written by release 0.1 (a dump of its tables with rows, {@code release-0.1/}) upgrades with every row kept
 * and its past requests in the new rollups.
 */
class MigrationsIT {

    static final String[] TABLES = {"request", "rollup", "endpoint", "sequence", "code_line", "stack_line", "outlier",
        "rollup_day", "rollup_dimension", "rollup_status", "rollup_app_hour", "instance", "lease", "schema_version",
        "test_run", "test_result", "test_endpoint"};
    private static final String[] RELEASE_01_TABLES = {"endpoint", "request", "rollup", "code_line", "stack_line",
        "outlier", "sequence"};

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void instancesStartingTogetherApplyEachMigrationOnce(String database) throws Exception {
        DataSource dataSource = dataSource(database);
        String prefix = uniquePrefix();
        int instances = 6;
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String instance = "instance-" + i;
                results.add(threads.submit(() -> {
                    start.await();
                    return Migrations.migrate(new Schema(prefix), dataSource, instance);
                }));
            }
            start.countDown();
            List<Integer> applied = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                applied.addAll(result.get());
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 6), applied.stream().sorted().toList(),
                    "each migration applied by one instance");
            assertEquals(List.of(), Migrations.migrate(new Schema(prefix), dataSource, "late"), "nothing left to do");
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                assertEquals(Migrations.current(), count(statement, "SELECT COUNT(*) FROM " + prefix + "schema_version"));
                assertEquals(11, count(statement, "SELECT COUNT(*) FROM " + prefix + "sequence"),
                        "one id row per table, not one per instance");
                for (String table : TABLES) {
                    count(statement, "SELECT COUNT(*) FROM " + prefix + table);
                }
                statement.executeUpdate("INSERT INTO " + prefix + "endpoint (id, name, http_method, path, "
                        + "monitor_level, time_added) VALUES (1, 'A.b', 'GET', '/a', 1, CURRENT_TIMESTAMP)");
                try {
                    statement.executeUpdate("INSERT INTO " + prefix + "endpoint (id, name, http_method, path, "
                            + "monitor_level, time_added) VALUES (2, 'A.b', 'GET', '/a', 1, CURRENT_TIMESTAMP)");
                    throw new AssertionError("the unique index on (name, http_method, path) is missing");
                } catch (SQLException expected) {
                    // the unique index exists
                }
            }
        } finally {
            threads.shutdownNow();
            drop(dataSource, prefix);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void databaseOfRelease01UpgradesKeepingEveryRow(String database) throws Exception {
        DataSource dataSource = dataSource(database);
        String prefix = uniquePrefix();
        try {
            load(dataSource, database, prefix);
            Map<String, Long> before = new LinkedHashMap<>();
            Map<String, String> contents = new LinkedHashMap<>();
            Map<String, String> columns = new LinkedHashMap<>();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String table : RELEASE_01_TABLES) {
                    before.put(table, count(statement, "SELECT COUNT(*) FROM " + prefix + table));
                    columns.put(table, columns(statement, prefix + table));
                    contents.put(table, contents(statement, prefix + table, columns.get(table)));
                }
            }
            assertTrue(before.get("request") > 0 && before.get("stack_line") > 0 && before.get("outlier") > 0,
                    "the dump has rows: " + before);

            assertEquals(List.of(1, 2, 3, 4, 5, 6), Migrations.migrate(new Schema(prefix), dataSource, "upgrader"));

            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String table : RELEASE_01_TABLES) {
                    assertEquals(before.get(table) + (table.equals("sequence") ? 6 : 0),
                            count(statement, "SELECT COUNT(*) FROM " + prefix + table), table + " rows kept");
                    if (!table.equals("rollup") && !table.equals("sequence")) {
                        assertEquals(contents.get(table), contents(statement, prefix + table, columns.get(table)),
                                table + " unchanged");
                    }
                }
                assertEquals(before.get("outlier"), count(statement, "SELECT COUNT(*) FROM " + prefix
                        + "outlier WHERE average_ms IS NULL"), "the outliers of before have no average");
                for (String index : List.of("outlier_endpoint_time", "outlier_time")) {
                    assertTrue(Schema.indexExists(connection, prefix + "outlier", prefix + index), index);
                }
                assertFalse(Schema.indexExists(connection, prefix + "request", prefix + "request_endpoint_id"),
                        "migration 5 dropped the index no query uses");
                assertTrue(Schema.indexExists(connection, prefix + "request", prefix + "request_endpoint_time"));
                long requests = before.get("request");
                assertEquals(requests, count(statement, "SELECT SUM(hits) FROM " + prefix + "rollup_day"),
                        "every stored request is in the daily rollups");
                assertEquals(requests, count(statement, "SELECT SUM(hits) FROM " + prefix + "rollup_status"));
                assertEquals(requests, count(statement, "SELECT SUM(hits) FROM " + prefix
                        + "rollup_dimension WHERE dimension = 'u'"));
                assertEquals(requests, count(statement, "SELECT SUM(hits) FROM " + prefix
                        + "rollup_dimension WHERE dimension = 'i'"));
                long notFound = count(statement, "SELECT COUNT(*) FROM " + prefix
                        + "request WHERE status_code >= 400 AND status_code < 500");
                assertTrue(notFound > 0, "the dump has 4xx answers");
                assertEquals(notFound, count(statement, "SELECT SUM(client_errors) FROM " + prefix + "rollup"),
                        "4xx counted into the hourly rollups");
                assertEquals(hitsPerHour(statement, prefix + "rollup"), hitsPerHour(statement, prefix
                        + "rollup_app_hour"), "the app-wide hourly load is the hourly rollup summed per hour and "
                        + "instance");
                assertEquals(requests, count(statement, "SELECT SUM(hits) FROM " + prefix + "rollup_app_hour"));
                assertEquals(count(statement, "SELECT COUNT(*) FROM " + prefix + "request WHERE status_code >= 400 "
                                + "AND status_code < 500 AND status_code = 404"),
                        count(statement, "SELECT COALESCE(SUM(hits), 0) FROM " + prefix
                                + "rollup_status WHERE status_code = 404"));
            }
            assertEquals(List.of(), Migrations.migrate(new Schema(prefix), dataSource, "again"));
        } finally {
            drop(dataSource, prefix);
        }
    }

    /** Replays a dump statement by statement, with the table prefix put in. */
    static void load(DataSource dataSource, String database, String prefix) throws IOException, SQLException {
        String dump;
        try (InputStream in = MigrationsIT.class.getResourceAsStream("/release-0.1/" + database + ".sql")) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{prefix}", prefix);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (String line : dump.split("\n")) {
                if (line.isBlank() && sql.length() == 0) {
                    continue;
                }
                sql.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    String text = sql.toString().trim();
                    statement.execute(text.substring(0, text.length() - 1));
                    sql.setLength(0);
                }
            }
        }
    }

    /** @return "hour|instance|hits" lines of a table's hits summed per hour and instance, in order */
    static String hitsPerHour(Statement statement, String table) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("SELECT hour_start, instance, SUM(hits) FROM " + table
                + " GROUP BY hour_start, instance ORDER BY hour_start, instance")) {
            while (rows.next()) {
                text.append(rows.getObject(1, java.time.LocalDateTime.class)).append('|').append(rows.getString(2))
                        .append('|').append(rows.getLong(3)).append('\n');
            }
        }
        return text.toString();
    }

    /** @return the table's columns, comma-separated, in their order */
    private static String columns(Statement statement, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                names.add(rows.getMetaData().getColumnName(i));
            }
        }
        return String.join(", ", names);
    }

    /** @return the values of these columns of every row, ordered by the first two */
    private static String contents(Statement statement, String table, String names) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("SELECT " + names + " FROM " + table + " ORDER BY 1, 2")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(rows.getString(i)).append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    static void drop(DataSource dataSource, String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
    }

    static String uniquePrefix() {
        return "mg" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36) + "_";
    }

    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static DataSource dataSource(String database) {
        if (database.equals("postgresql")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
            postgres.setUser("postgres");
            return postgres;
        }
        try {
            MariaDbDataSource mariadb = new MariaDbDataSource();
            mariadb.setUrl("jdbc:mariadb://127.0.0.1:3306/test");
            mariadb.setUser("root");
            mariadb.setPassword("");
            return mariadb;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
