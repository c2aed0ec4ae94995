package dev.fmd.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Creates fmd's tables and indexes when they are missing. Safe when several instances start at once against one
 * database: each statement is tried, and when it fails the table or index is looked up again; if another instance
 * created it meanwhile, that is success.
 * <p>
 * Tables ({@code fmd_} stands for {@code fmd.table-prefix}):
 * {@code fmd_endpoint}, {@code fmd_request}, {@code fmd_rollup}, {@code fmd_code_line}, {@code fmd_stack_line},
 * {@code fmd_outlier} and {@code fmd_sequence} (id blocks).
 */
final class Schema {

    private final String prefix;

    /** @param prefix {@code fmd.table-prefix} */
    Schema(String prefix) {
        this.prefix = prefix;
    }

    /** The column types that differ between databases. */
    enum Dialect {
        H2("TIMESTAMP(3)", "VARCHAR(1000000)"),
        POSTGRESQL("TIMESTAMP(3)", "TEXT"),
        MYSQL("DATETIME(3)", "MEDIUMTEXT"),
        OTHER("TIMESTAMP", "VARCHAR(32000)");

        final String timestamp;
        final String text;

        Dialect(String timestamp, String text) {
            this.timestamp = timestamp;
            this.text = text;
        }

        static Dialect of(String productName) {
            String name = productName.toLowerCase(Locale.ROOT);
            if (name.contains("h2")) {
                return H2;
            }
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            if (name.contains("mariadb") || name.contains("mysql")) {
                return MYSQL;
            }
            return OTHER;
        }
    }

    /**
     * @param dataSource where the tables live
     * @throws SQLException when a table or index is missing and could not be created
     */
    void create(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            String ts = dialect.timestamp;
            table(connection, "sequence", "seq_name VARCHAR(50) NOT NULL PRIMARY KEY, seq_count BIGINT NOT NULL");
            table(connection, "endpoint", "id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(250) NOT NULL, "
                    + "http_method VARCHAR(16) NOT NULL, path VARCHAR(480) NOT NULL, monitor_level INT NOT NULL, "
                    + "time_added " + ts + " NOT NULL, version_added VARCHAR(100), last_requested " + ts);
            table(connection, "request", "id BIGINT NOT NULL PRIMARY KEY, endpoint_id BIGINT NOT NULL, "
                    + "duration DECIMAL(16,4) NOT NULL, time_requested " + ts + " NOT NULL, "
                    + "version_requested VARCHAR(100), group_by VARCHAR(255), ip VARCHAR(45), "
                    + "status_code INT NOT NULL, exception_type VARCHAR(255), instance VARCHAR(100)");
            table(connection, "rollup", "id BIGINT NOT NULL PRIMARY KEY, endpoint_id BIGINT NOT NULL, "
                    + "hour_start " + ts + " NOT NULL, version VARCHAR(100) NOT NULL, instance VARCHAR(100) NOT NULL, "
                    + "hits BIGINT NOT NULL, errors BIGINT NOT NULL, total_ms DOUBLE PRECISION NOT NULL, "
                    + "histogram " + dialect.text);
            table(connection, "code_line", "id BIGINT NOT NULL PRIMARY KEY, class_name VARCHAR(250) NOT NULL, "
                    + "method_name VARCHAR(120) NOT NULL, file_name VARCHAR(120) NOT NULL, line_number INT NOT NULL");
            table(connection, "stack_line", "request_id BIGINT NOT NULL, position INT NOT NULL, indent INT NOT NULL, "
                    + "code_line_id BIGINT NOT NULL, duration DECIMAL(16,4) NOT NULL, PRIMARY KEY (request_id, position)");
            table(connection, "outlier", "id BIGINT NOT NULL PRIMARY KEY, request_id BIGINT NOT NULL, "
                    + "endpoint_id BIGINT NOT NULL, time_requested " + ts + " NOT NULL, stack_trace " + dialect.text
                    + ", cpu_percent DOUBLE PRECISION, heap_used BIGINT, heap_committed BIGINT, request_url "
                    + dialect.text + ", query_params " + dialect.text + ", form_params " + dialect.text
                    + ", request_headers " + dialect.text + ", request_environment " + dialect.text);
            index(connection, true, "endpoint_key", "endpoint", "name, http_method, path");
            index(connection, false, "request_endpoint_time", "request", "endpoint_id, time_requested");
            index(connection, false, "request_time", "request", "time_requested");
            index(connection, true, "rollup_key", "rollup", "endpoint_id, hour_start, version, instance");
            index(connection, false, "rollup_hour", "rollup", "hour_start");
            index(connection, false, "request_endpoint_id", "request", "endpoint_id, id");
            index(connection, true, "code_line_key", "code_line", "class_name, method_name, file_name, line_number");
            index(connection, false, "outlier_endpoint", "outlier", "endpoint_id, id");
            index(connection, false, "outlier_request", "outlier", "request_id");
            for (String sequence : List.of("endpoint", "request", "rollup", "code_line", "outlier")) {
                sequenceRow(connection, sequence);
            }
        }
    }

    /** @return the table's name with the prefix */
    String name(String table) {
        return prefix + table;
    }

    private void table(Connection connection, String table, String columns) throws SQLException {
        String name = name(table);
        if (tableExists(connection, name)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE " + name + " (" + columns + ")");
        } catch (SQLException e) {
            if (!tableExists(connection, name)) {
                throw e;
            }
        }
    }

    private void index(Connection connection, boolean unique, String index, String table, String columns)
            throws SQLException {
        String indexName = name(index);
        String tableName = name(table);
        if (indexExists(connection, tableName, indexName)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + indexName + " ON "
                    + tableName + " (" + columns + ")");
        } catch (SQLException e) {
            if (!indexExists(connection, tableName, indexName)) {
                throw e;
            }
        }
    }

    private void sequenceRow(Connection connection, String sequence) throws SQLException {
        String table = name("sequence");
        if (sequenceRowExists(connection, table, sequence)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (seq_name, seq_count) VALUES (?, 0)")) {
            insert.setString(1, sequence);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!sequenceRowExists(connection, table, sequence)) {
                throw e;
            }
        }
    }

    private static boolean sequenceRowExists(Connection connection, String table, String sequence)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq_count FROM " + table + " WHERE seq_name = ?")) {
            select.setString(1, sequence);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean indexExists(Connection connection, String table, String index) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet indexes = meta.getIndexInfo(connection.getCatalog(), null, candidate, false, true)) {
                while (indexes.next()) {
                    if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
