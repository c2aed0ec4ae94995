package dev.fmd.store;

import dev.fmd.query.StorageQueries;
import dev.fmd.query.TableSize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@link StorageQueries} from the database's catalog: one query on PostgreSQL and MySQL/MariaDB, whose figures are
 * the statistics the database keeps anyway (no table is scanned, so ten million requests cost what ten do); on H2
 * and other databases a {@code COUNT(*)} per table (H2 answers it from its row count) and H2's
 * {@code DISK_SPACE_USED}.
 */
@ApplicationScoped
public class CatalogTableSizes implements StorageQueries {

    /** Every table of fmd's schema, without prefix. */
    static final List<String> TABLES = List.of("request", "stack_line", "code_line", "outlier", "endpoint", "rollup",
            "rollup_day", "rollup_dimension", "rollup_status", "rollup_app_hour", "instance", "lease", "sequence",
            "schema_version");

    private Store store;

    /** For the container's proxy. */
    protected CatalogTableSizes() {
    }

    @Inject
    public CatalogTableSizes(Store store) {
        this.store = store.unproxied();
    }

    @Override
    public List<TableSize> tableSizes() {
        List<TableSize> sizes = store.readRows(connection -> switch (Schema.Dialect.of(connection)) {
            case POSTGRESQL -> catalog(connection, "SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM "
                    + "pg_stat_user_tables WHERE schemaname = current_schema() AND lower(relname) IN " + names());
            case MYSQL -> catalog(connection, "SELECT table_name, table_rows, data_length + index_length FROM "
                    + "information_schema.tables WHERE table_schema = DATABASE() AND lower(table_name) IN " + names());
            case H2, OTHER -> counted(connection);
        });
        List<TableSize> sorted = new ArrayList<>(sizes);
        sorted.sort(Comparator.comparingLong(TableSize::rows).reversed().thenComparing(TableSize::table));
        return sorted;
    }

    /** @return the tables' names, lower case, as an SQL list of literals (they are letters, digits and _ only) */
    private String names() {
        return TABLES.stream().map(t -> "'" + store.schema().name(t).toLowerCase(Locale.ROOT) + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static List<TableSize> catalog(Connection connection, String sql) throws SQLException {
        List<TableSize> sizes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                long count = rows.getLong(2);
                boolean noCount = rows.wasNull();
                long bytes = rows.getLong(3);
                sizes.add(new TableSize(rows.getString(1), noCount ? -1 : Math.max(count, 0),
                        rows.wasNull() ? -1 : bytes, true));
            }
        }
        return sizes;
    }

    private List<TableSize> counted(Connection connection) throws SQLException {
        List<TableSize> sizes = new ArrayList<>();
        for (String table : TABLES) {
            String name = store.schema().name(table);
            if (!Schema.tableExists(connection, name)) {
                continue;
            }
            long rows;
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + name)) {
                count.next();
                rows = count.getLong(1);
            }
            sizes.add(new TableSize(name, rows, diskSpace(connection, name), false));
        }
        return sizes;
    }

    /** @return H2's size of the table in bytes, or -1 when the database has no such function */
    private static long diskSpace(Connection connection, String table) {
        try (PreparedStatement select = connection.prepareStatement("SELECT DISK_SPACE_USED(?)")) {
            select.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }
}
