package dev.fmd.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Several instances starting at once against one real database all get a complete schema, created once. */
class SchemaCreationIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void instancesStartingTogetherAllSucceed(String database) throws Exception {
        DataSource dataSource = dataSource(database);
        String prefix = "sc" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36) + "_";
        int instances = 6;
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    new Schema(prefix).create(dataSource);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }
            new Schema(prefix).create(dataSource);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                assertEquals(5, count(statement, "SELECT COUNT(*) FROM " + prefix + "sequence"),
                        "one id row per table, not one per instance");
                for (String table : new String[] {"endpoint", "request", "rollup", "code_line", "stack_line",
                        "outlier"}) {
                    assertEquals(0, count(statement, "SELECT COUNT(*) FROM " + prefix + table));
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
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String table : new String[] {"request", "rollup", "endpoint", "sequence", "code_line",
                        "stack_line", "outlier"}) {
                    statement.executeUpdate("DROP TABLE IF EXISTS " + prefix + table);
                }
            }
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static DataSource dataSource(String database) throws SQLException {
        if (database.equals("postgresql")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
            postgres.setUser("postgres");
            return postgres;
        }
        MariaDbDataSource mariadb = new MariaDbDataSource();
        mariadb.setUrl("jdbc:mariadb://127.0.0.1:3306/test");
        mariadb.setUser("root");
        mariadb.setPassword("");
        return mariadb;
    }
}
