package dev.fmd.store;

import dev.fmd.query.ExportKind;
import dev.fmd.query.ExportQueries;
import dev.fmd.query.ExportSink;
import dev.fmd.query.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@link ExportQueries} in plain JDBC: the endpoints are read first (a few hundred rows), then one forward-only
 * query of the window on its time index, with a fetch size, so the driver holds one batch of rows at a time:
 * <ul>
 * <li>PostgreSQL fetches by cursor only inside a transaction: the read runs with auto-commit off, and is rolled
 * back (it changed nothing) before the connection goes back to the pool;</li>
 * <li>MariaDB's driver streams with a positive fetch size, MySQL's only with {@link Integer#MIN_VALUE};</li>
 * <li>H2 keeps at most its {@code MAX_MEMORY_ROWS} of a result in memory and the rest in a temporary file.</li>
 * </ul>
 */
@ApplicationScoped
public class StoreExport implements ExportQueries {

    /** Rows the driver fetches at a time. */
    static final int FETCH_SIZE = 1000;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Store store;

    /** For the container's proxy. */
    protected StoreExport() {
    }

    @Inject
    public StoreExport(Store store) {
        this.store = store.unproxied();
    }

    /** An endpoint's name and route, to complete each row. */
    private record Route(String name, String httpMethod, String path) {
        static final Route UNKNOWN = new Route(null, null, null);
    }

    @Override
    public long export(ExportKind kind, TimeWindow window, ExportSink sink) throws IOException {
        if (!store.isOpen()) {
            throw new IllegalStateException("fmd's tables are not ready yet (database not reachable so far)");
        }
        try (Connection connection = store.dataSource().getConnection()) {
            Map<Long, Route> routes = routes(connection);
            Schema.Dialect dialect = Schema.Dialect.of(connection);
            boolean autoCommit = connection.getAutoCommit();
            if (dialect == Schema.Dialect.POSTGRESQL) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement select = connection.prepareStatement(sql(kind, window),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                select.setFetchSize(fetchSize(connection, dialect));
                LocalDateTime from = LocalDateTime.ofInstant(window.from(), ZoneOffset.UTC);
                select.setObject(1, kind == ExportKind.AGGREGATES ? RollupReads.hourFloor(window.from()) : from);
                select.setObject(2, LocalDateTime.ofInstant(window.to(), ZoneOffset.UTC));
                if (window.instance() != null) {
                    select.setString(3, window.instance());
                }
                try (ResultSet rows = select.executeQuery()) {
                    RowReader reader = switch (kind) {
                        case REQUESTS -> StoreExport::request;
                        case AGGREGATES -> StoreExport::aggregate;
                        case OUTLIERS -> StoreExport::outlier;
                    };
                    return stream(rows, kind, routes, reader, sink);
                }
            } finally {
                if (dialect == Schema.Dialect.POSTGRESQL) {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("exporting " + kind.key() + " failed: " + e, e);
        }
    }

    private String sql(ExportKind kind, TimeWindow window) {
        Schema schema = store.schema();
        String instance = window.instance() == null ? "" : " AND instance = ?";
        return switch (kind) {
            case REQUESTS -> "SELECT id, endpoint_id, time_requested, duration, status_code, version_requested, "
                    + "group_by, ip, exception_type, instance FROM " + schema.name("request")
                    + " WHERE time_requested >= ? AND time_requested < ?" + instance
                    + " ORDER BY time_requested, id";
            case AGGREGATES -> "SELECT endpoint_id, hour_start, version, instance, hits, errors, client_errors, "
                    + "total_ms, histogram FROM " + schema.name("rollup") + " WHERE hour_start >= ? AND hour_start < ?"
                    + instance + " ORDER BY hour_start, endpoint_id, version, instance";
            case OUTLIERS -> "SELECT o.id, o.request_id, o.endpoint_id, o.time_requested, r.duration, r.status_code, "
                    + "r.version_requested, r.instance, o.request_url, o.query_params, o.form_params, "
                    + "o.request_headers, o.request_environment, o.cpu_percent, o.heap_used, o.heap_committed, "
                    + "o.stack_trace FROM " + schema.name("outlier") + " o LEFT JOIN " + schema.name("request")
                    + " r ON r.id = o.request_id WHERE o.time_requested >= ? AND o.time_requested < ?"
                    + (window.instance() == null ? "" : " AND r.instance = ?") + " ORDER BY o.time_requested, o.id";
        };
    }

    private static int fetchSize(Connection connection, Schema.Dialect dialect) throws SQLException {
        if (dialect == Schema.Dialect.MYSQL && !connection.getMetaData().getDriverName().toLowerCase(Locale.ROOT)
                .contains("mariadb")) {
            return Integer.MIN_VALUE;
        }
        return FETCH_SIZE;
    }

    private Map<Long, Route> routes(Connection connection) throws SQLException {
        Map<Long, Route> routes = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, name, http_method, path FROM "
                     + store.schema().name("endpoint"))) {
            while (rows.next()) {
                routes.put(rows.getLong(1), new Route(rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return routes;
    }

    /** Reads the current row of a result into the values of an export's row. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows, Map<Long, Route> routes, Calendar utc, Object[] values) throws SQLException;
    }

    /** Hands every row to the sink, one at a time, in one reused array. */
    private static long stream(ResultSet rows, ExportKind kind, Map<Long, Route> routes, RowReader reader,
                               ExportSink sink) throws SQLException, IOException {
        Calendar utc = Calendar.getInstance(UTC);
        Object[] values = new Object[kind.columns().size()];
        long count = 0;
        while (rows.next()) {
            reader.read(rows, routes, utc, values);
            sink.row(values);
            count++;
        }
        return count;
    }

    private static void request(ResultSet rows, Map<Long, Route> routes, Calendar utc, Object[] values)
            throws SQLException {
        Route route = routes.getOrDefault(rows.getLong(2), Route.UNKNOWN);
        values[0] = rows.getLong(1);
        values[1] = instant(rows, 3, utc);
        values[2] = route.name();
        values[3] = route.httpMethod();
        values[4] = route.path();
        values[5] = decimal(rows.getBigDecimal(4));
        values[6] = rows.getLong(5);
        values[7] = rows.getString(6);
        values[8] = rows.getString(7);
        values[9] = rows.getString(8);
        values[10] = rows.getString(9);
        values[11] = rows.getString(10);
    }

    private static void aggregate(ResultSet rows, Map<Long, Route> routes, Calendar utc, Object[] values)
            throws SQLException {
        Route route = routes.getOrDefault(rows.getLong(1), Route.UNKNOWN);
        long hits = rows.getLong(5);
        double[] quantiles = DurationHistogram.decode(rows.getString(9)).quantiles(0.5, 0.9, 0.99);
        values[0] = instant(rows, 2, utc);
        values[1] = route.name();
        values[2] = route.httpMethod();
        values[3] = route.path();
        values[4] = rows.getString(3);
        values[5] = rows.getString(4);
        values[6] = hits;
        values[7] = rows.getLong(6);
        values[8] = rows.getLong(7);
        values[9] = hits == 0 ? null : ms(rows.getDouble(8) / hits);
        values[10] = ms(quantiles[0]);
        values[11] = ms(quantiles[1]);
        values[12] = ms(quantiles[2]);
    }

    private static void outlier(ResultSet rows, Map<Long, Route> routes, Calendar utc, Object[] values)
            throws SQLException {
        Route route = routes.getOrDefault(rows.getLong(3), Route.UNKNOWN);
        values[0] = rows.getLong(1);
        values[1] = rows.getLong(2);
        values[2] = instant(rows, 4, utc);
        values[3] = route.name();
        values[4] = route.httpMethod();
        values[5] = route.path();
        values[6] = decimal(rows.getBigDecimal(5));
        long status = rows.getLong(6);
        values[7] = rows.wasNull() ? null : status;
        values[8] = rows.getString(7);
        values[9] = rows.getString(8);
        for (int i = 0; i < 5; i++) {
            values[10 + i] = rows.getString(9 + i);
        }
        double cpu = rows.getDouble(14);
        values[15] = rows.wasNull() ? null : ms(cpu);
        long heapUsed = rows.getLong(15);
        values[16] = rows.wasNull() ? null : heapUsed;
        long heapCommitted = rows.getLong(16);
        values[17] = rows.wasNull() ? null : heapCommitted;
        values[18] = rows.getString(17);
    }

    private static Instant instant(ResultSet rows, int column, Calendar utc) throws SQLException {
        LocalDateTime time = RollupReads.time(rows, column, utc);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** @return a stored decimal without trailing zeros ({@code 12.5000} → {@code 12.5}), or null */
    private static BigDecimal decimal(BigDecimal value) {
        return value == null ? null : value.compareTo(BigDecimal.ZERO) == 0 ? BigDecimal.ZERO
                : value.stripTrailingZeros().scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY)
                : value.stripTrailingZeros();
    }

    /** @return a computed figure to the µs (3 decimals), or null when it is not a number */
    private static BigDecimal ms(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null
                : decimal(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP));
    }
}
