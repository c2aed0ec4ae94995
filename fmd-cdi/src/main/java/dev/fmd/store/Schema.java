package dev.fmd.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Names fmd's tables and creates tables, columns and indexes when they are missing. Each step is safe when several
 * instances run it at once against one database: it is tried, and when it fails the table, column or index is looked
 * up again; if another instance created it meanwhile, that is success. Which steps run, and in which order, is
 * {@link Migrations}' business.
 */
final class Schema {

    private final String prefix;

    /** @param prefix {@code fmd.table-prefix} */
    Schema(String prefix) {
        this.prefix = prefix;
    }

    /** What differs between the databases fmd runs on. */
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

        static Dialect of(Connection connection) throws SQLException {
            return of(connection.getMetaData().getDatabaseProductName());
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

        /**
         * @param table  the table's full name
         * @param where  the condition, with {@code ?} parameters
         * @param limit  rows deleted at most
         * @return a DELETE of at most {@code limit} rows matching the condition
         */
        String boundedDelete(String table, String where, int limit) {
            return switch (this) {
                case MYSQL -> "DELETE FROM " + table + " WHERE " + where + " LIMIT " + limit;
                case POSTGRESQL -> "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE "
                        + where + " LIMIT " + limit + ")";
                case H2 -> "DELETE FROM " + table + " WHERE " + where + " FETCH FIRST " + limit + " ROWS ONLY";
                case OTHER -> "DELETE FROM " + table + " WHERE " + where;
            };
        }

        /**
         * @param select a SELECT, with its ORDER BY if any
         * @param limit  rows returned at most
         * @return the same SELECT returning at most {@code limit} rows, so that the database plans for that many
         */
        String firstRows(String select, int limit) {
            return switch (this) {
                case MYSQL, POSTGRESQL -> select + " LIMIT " + limit;
                case H2, OTHER -> select + " FETCH FIRST " + limit + " ROWS ONLY";
            };
        }
    }

    /** @return the table's name with the prefix */
    String name(String table) {
        return prefix + table;
    }

    /** @return {@code fmd.table-prefix} */
    String prefix() {
        return prefix;
    }

    /** Creates the table unless it exists. */
    void table(Connection connection, String table, String columns) throws SQLException {
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

    /** Adds the column unless it exists; {@code definition} is its type, default and nullability. */
    void column(Connection connection, String table, String column, String definition) throws SQLException {
        String name = name(table);
        if (columnExists(connection, name, column)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE " + name + " ADD " + column + " " + definition);
        } catch (SQLException e) {
            if (!columnExists(connection, name, column)) {
                throw e;
            }
        }
    }

    /** Creates the index unless it exists. */
    void index(Connection connection, boolean unique, String index, String table, String columns)
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

    /** Drops the index if it exists ({@code DROP INDEX i ON t} on MariaDB and MySQL, {@code DROP INDEX i} elsewhere). */
    void dropIndex(Connection connection, String index, String table) throws SQLException {
        String indexName = name(index);
        String tableName = name(table);
        if (!indexExists(connection, tableName, indexName)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP INDEX " + indexName
                    + (Dialect.of(connection) == Dialect.MYSQL ? " ON " + tableName : ""));
        } catch (SQLException e) {
            if (indexExists(connection, tableName, indexName)) {
                throw e;
            }
        }
    }

    /** Inserts the id row of a table into {@code <prefix>sequence} unless it is there. */
    void sequenceRow(Connection connection, String sequence) throws SQLException {
        String table = name("sequence");
        if (rowExists(connection, table, "seq_name", sequence)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (seq_name, seq_count) VALUES (?, 0)")) {
            insert.setString(1, sequence);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!rowExists(connection, table, "seq_name", sequence)) {
                throw e;
            }
        }
    }

    /** @return whether a row with this key is in the table */
    static boolean rowExists(Connection connection, String table, String column, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE " + column + " = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** @return whether the table exists, whatever case the database stores names in */
    static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : cases(name)) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : cases(table)) {
            try (ResultSet columns = meta.getColumns(connection.getCatalog(), null, candidate, null)) {
                while (columns.next()) {
                    if (column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean indexExists(Connection connection, String table, String index) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : cases(table)) {
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

    private static List<String> cases(String name) {
        return List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }
}
