package dev.fmd.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The PostgreSQL side of the data generator and the store benchmarks: a pooled datasource (as an application server
 * gives fmd), dropping a prefix's tables, counting rows, table sizes, and the CPU time PostgreSQL spent.
 * <p>
 * The URL is {@code -Dbench.url}, by default {@value #DEFAULT_URL}: {@code reWriteBatchedInserts=true} lets the driver
 * send a JDBC batch of inserts as multi-row inserts, which fmd's writer recommends (docs/performance.md).
 */
public final class BenchDatabase implements AutoCloseable {

    /** The local PostgreSQL. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true";
    /** The application name of this harness's connections, by which its backends are found. */
    public static final String APPLICATION = "fmd-bench";
    /** Every table of fmd's schema, without prefix. */
    public static final List<String> TABLES = List.of("request", "rollup", "endpoint", "sequence", "code_line",
            "stack_line", "outlier", "rollup_day", "rollup_dimension", "rollup_status", "rollup_app_hour", "instance",
            "lease", "schema_version");

    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final HikariDataSource pool;

    /**
     * @param url a PostgreSQL JDBC URL (user postgres, trust authentication), or another database's (an embedded H2:
     *            {@link WriterCpuBenchmark}), whose user is {@code -Dbench.user}, by default empty as Payara's H2 pool
     */
    public BenchDatabase(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        config.setUsername(System.getProperty("bench.user", postgres ? "postgres" : ""));
        config.setPassword(System.getProperty("bench.password", ""));
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        config.setPoolName(APPLICATION);
        if (postgres) {
            config.addDataSourceProperty("ApplicationName", APPLICATION);
        }
        pool = new HikariDataSource(config);
    }

    /** @return a database on {@code -Dbench.url} */
    public static BenchDatabase fromSystemProperties() {
        return new BenchDatabase(System.getProperty("bench.url", DEFAULT_URL));
    }

    /** @return the pooled datasource */
    public DataSource dataSource() {
        return pool;
    }

    /** Drops every fmd table with this prefix. */
    public void drop(String prefix) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
    }

    /** @return the first column of the first row of a query, as a long (0 for NULL) */
    public long number(String sql, Object... params) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** @return every row of a query, each as its columns' values */
    public List<Object[]> rows(String sql, Object... params) throws SQLException {
        List<Object[]> result = new ArrayList<>();
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rows.getObject(i + 1);
                    }
                    result.add(row);
                }
            }
        }
        return result;
    }

    /** Runs a statement (ANALYZE, CHECKPOINT, ...). */
    public void execute(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** @return the table's size with its indexes and TOAST, in bytes */
    public long size(String table) throws SQLException {
        return number("SELECT pg_total_relation_size(?::regclass)", table);
    }

    /**
     * CPU time PostgreSQL spent so far, from {@code /proc}: {@code [ours, all]}. {@code ours} sums the backends of
     * this harness's connections and the server's own processes (WAL writer, checkpointer, background writer,
     * autovacuum launcher); {@code all} every PostgreSQL process plus what the postmaster's exited children (backends,
     * autovacuum workers) used, which includes other clients of a shared server.
     *
     * @return nanoseconds of user plus system time, {@code [ours, all]}; {@code [-1, -1]} without {@code /proc}
     */
    public long[] postgresCpuNanos() throws SQLException {
        Set<Long> ours = new LinkedHashSet<>();
        for (Object[] row : rows("SELECT pid FROM pg_stat_activity WHERE application_name = ? OR backend_type IN "
                + "('walwriter', 'checkpointer', 'background writer', 'autovacuum launcher')", APPLICATION)) {
            ours.add(((Number) row[0]).longValue());
        }
        long oursTicks = 0;
        long allTicks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] stat = stat(process);
                if (stat == null || !stat[1].startsWith("(postgres")) {
                    continue;
                }
                long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                if (Long.parseLong(stat[3]) == 1 || !isPostgres(Path.of("/proc", stat[3]))) {
                    ticks += Long.parseLong(stat[15]) + Long.parseLong(stat[16]); // the postmaster: reaped children
                }
                allTicks += ticks;
                if (ours.contains(Long.parseLong(name))) {
                    oursTicks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
        return new long[] {oursTicks * CLOCK_TICK_NANOS, allTicks * CLOCK_TICK_NANOS};
    }

    private static boolean isPostgres(Path process) {
        String[] stat = stat(process);
        return stat != null && stat[1].startsWith("(postgres");
    }

    /** @return the fields of /proc/PID/stat (the command name, field 2, kept whole), or null when it is gone */
    private static String[] stat(Path process) {
        try {
            String text = Files.readString(process.resolve("stat"));
            int open = text.indexOf('(');
            int close = text.lastIndexOf(')');
            String[] rest = text.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = text.substring(0, open).trim();
            fields[1] = text.substring(open, close + 1);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
