package dev.fmd.it.support;

import dev.fmd.Unmonitored;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Deployed into every test WAR: returns fmd's rows as JSON, read with plain JDBC from the datasource fmd writes to
 * (whatever database the run uses, the embedded one included). {@link Unmonitored}, so it never adds rows itself.
 */
@Path("fmd-probe")
@Unmonitored
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FmdRowsProbe {

    @GET
    @Path("endpoints")
    public String endpoints() throws Exception {
        return rows("SELECT * FROM " + table("endpoint") + " ORDER BY name", null);
    }

    @GET
    @Path("requests")
    public String requests(@QueryParam("endpoint") String endpoint) throws Exception {
        return rows("SELECT r.*, e.name AS endpoint_name FROM " + table("request") + " r JOIN " + table("endpoint")
                + " e ON e.id = r.endpoint_id WHERE e.name = ? ORDER BY r.id", endpoint);
    }

    /** How many request rows the endpoint has, and how many hits its rollups count. */
    @GET
    @Path("request-count")
    public String requestCount(@QueryParam("endpoint") String endpoint) throws Exception {
        return rows("SELECT (SELECT COUNT(*) FROM " + table("request") + " r JOIN " + table("endpoint")
                + " e ON e.id = r.endpoint_id WHERE e.name = ?) AS requests, (SELECT COALESCE(SUM(h.hits), 0) FROM "
                + table("rollup") + " h JOIN " + table("endpoint") + " f ON f.id = h.endpoint_id WHERE f.name = '"
                + endpoint.replace("'", "") + "') AS rolled_up", endpoint);
    }

    /**
     * How many requests each table counts, over every endpoint: {@code request} its rows, each rollup table the sum
     * of its hits ({@code rollup_dimension} counts every request twice, once per user and once per IP).
     */
    @GET
    @Path("rollup-hits")
    public String rollupHits() throws Exception {
        StringBuilder sql = new StringBuilder("SELECT 'request' AS counted, COUNT(*) AS hits FROM " + table("request"));
        for (String rollup : new String[] {"rollup", "rollup_day", "rollup_dimension", "rollup_status"}) {
            sql.append(" UNION ALL SELECT '").append(rollup).append("', COALESCE(SUM(hits), 0) FROM ")
                    .append(table(rollup));
        }
        return rows(sql.toString(), null);
    }

    /** The call trees of an endpoint's requests, with their code lines, in request and tree order. */
    @GET
    @Path("stack-lines")
    public String stackLines(@QueryParam("endpoint") String endpoint) throws Exception {
        return rows("SELECT s.request_id, s.position, s.indent, s.duration, c.class_name, c.method_name, c.file_name, "
                + "c.line_number FROM " + table("stack_line") + " s JOIN " + table("code_line") + " c ON c.id = "
                + "s.code_line_id JOIN " + table("request") + " r ON r.id = s.request_id JOIN " + table("endpoint")
                + " e ON e.id = r.endpoint_id WHERE e.name = ? ORDER BY s.request_id, s.position", endpoint);
    }

    /** The rows of one of the Testmonitor's tables, in id order: {@code test_run}, {@code test_result}, or
     * {@code test_endpoint} (joined with the endpoint's name). */
    @GET
    @Path("test-rows")
    public String testRows(@QueryParam("table") String table) throws Exception {
        return switch (table) {
            case "test_run", "test_result" -> rows("SELECT * FROM " + table(table) + " ORDER BY id", null);
            case "test_endpoint" -> rows("SELECT t.*, e.name AS endpoint_name FROM " + table(table) + " t JOIN "
                    + table("endpoint") + " e ON e.id = t.endpoint_id ORDER BY t.id", null);
            default -> throw new jakarta.ws.rs.BadRequestException("not a Testmonitor table: " + table);
        };
    }

    @GET
    @Path("outliers")
    public String outliers(@QueryParam("endpoint") String endpoint) throws Exception {
        return rows("SELECT o.* FROM " + table("outlier") + " o JOIN " + table("endpoint") + " e ON e.id = "
                + "o.endpoint_id WHERE e.name = ? ORDER BY o.id", endpoint);
    }

    /** Changes a level in the table only, as another instance sharing the database would. */
    @jakarta.ws.rs.PUT
    @Path("level")
    public String level(@QueryParam("endpoint") String endpoint, @QueryParam("level") int level) throws Exception {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE " + table("endpoint") + " SET monitor_level = ? WHERE name = ?")) {
            update.setInt(1, level);
            update.setString(2, endpoint);
            return String.valueOf(update.executeUpdate());
        }
    }

    /**
     * Inserts, with plain JDBC, rows as an instance would have written them {@code days} ago: three requests with
     * three stack lines each, an outlier, an hourly and a daily rollup. Their ids are negative, so below every id
     * fmd hands out and never in its way.
     */
    @jakarta.ws.rs.POST
    @Path("aged")
    public String insertAged(@QueryParam("days") int days) throws Exception {
        java.time.LocalDateTime then = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(days);
        try (Connection connection = dataSource().getConnection()) {
            for (long id = -3; id <= -1; id++) {
                insert(connection, "INSERT INTO " + table("request") + " (id, endpoint_id, duration, time_requested, "
                        + "status_code, instance) VALUES (?, 0, 1.5, ?, 200, 'aged')", id, then);
                for (long position = 0; position < 3; position++) {
                    insert(connection, "INSERT INTO " + table("stack_line") + " (request_id, position, indent, "
                            + "code_line_id, duration) VALUES (?, ?, 0, 0, 1.0)", id, position);
                }
            }
            insert(connection, "INSERT INTO " + table("outlier") + " (id, request_id, endpoint_id, time_requested) "
                    + "VALUES (-1, -1, 0, ?)", then);
            insert(connection, "INSERT INTO " + table("rollup") + " (id, endpoint_id, hour_start, version, instance, "
                    + "hits, errors, total_ms, histogram) VALUES (-1, 0, ?, 'aged', 'aged', 3, 0, 4.5, '')",
                    then.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
            insert(connection, "INSERT INTO " + table("rollup_day") + " (id, endpoint_id, day_start, version, instance, "
                    + "hits, errors, client_errors, total_ms, histogram) VALUES (-1, 0, ?, 'aged', 'aged', 3, 0, 0, 4.5, "
                    + "'')", then.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        }
        return "{}";
    }

    /**
     * Inserts, with plain JDBC, what another instance sharing the database would have written this hour: its
     * instance row and the hourly and daily rollups of {@code hits} requests to the endpoint.
     */
    @jakarta.ws.rs.POST
    @Path("other-instance")
    public String otherInstance(@QueryParam("name") String name, @QueryParam("endpoint") String endpoint,
                                @QueryParam("hits") long hits) throws Exception {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        try (Connection connection = dataSource().getConnection()) {
            insert(connection, "INSERT INTO " + table("instance") + " (name, version, first_seen, last_seen) "
                    + "VALUES (?, 'other', ?, ?)", name, now, now);
            insert(connection, "INSERT INTO " + table("rollup") + " (id, endpoint_id, hour_start, version, instance, "
                    + "hits, errors, client_errors, total_ms, histogram) SELECT -1000 - id, id, ?, 'other', ?, ?, 0, "
                    + "0, 0, '' FROM " + table("endpoint") + " WHERE name = ?",
                    now.truncatedTo(java.time.temporal.ChronoUnit.HOURS), name, hits, endpoint);
            // and its daily rollup, as an instance writes both: a window ending in the day's last hour reads today
            // from rollup_day
            insert(connection, "INSERT INTO " + table("rollup_day") + " (id, endpoint_id, day_start, version, "
                    + "instance, hits, errors, client_errors, total_ms, histogram) SELECT -1000 - id, id, ?, 'other', ?, "
                    + "?, 0, 0, 0, '' FROM " + table("endpoint") + " WHERE name = ?",
                    now.truncatedTo(java.time.temporal.ChronoUnit.DAYS), name, hits, endpoint);
            insert(connection, "INSERT INTO " + table("rollup_app_hour") + " (hour_start, instance, hits) VALUES "
                    + "(?, ?, ?)", now.truncatedTo(java.time.temporal.ChronoUnit.HOURS), name, hits);
        }
        return "{}";
    }

    /** @return how many rows {@link #insertAged} inserted are left, per table */
    @GET
    @Path("aged")
    public String aged() throws Exception {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        try (Connection connection = dataSource().getConnection()) {
            for (String[] table : new String[][] {{"request", "id"}, {"stack_line", "request_id"}, {"outlier", "id"},
                {"rollup", "id"}, {"rollup_day", "id"}}) {
                try (PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM " + table(table[0]) + " WHERE " + table[1] + " < 0");
                     ResultSet rows = count.executeQuery()) {
                    rows.next();
                    counts.add(table[0], rows.getLong(1));
                }
            }
        }
        return counts.build().toString();
    }

    private static void insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
        }
    }

    /** What fmd's query services answer for an endpoint: its profiled requests, the newest tree, its outliers. */
    @GET
    @Path("queries")
    public String queries(@QueryParam("endpointId") long endpointId) {
        var profiles = jakarta.enterprise.inject.spi.CDI.current().select(dev.fmd.query.ProfileQueries.class).get();
        var outlierQueries = jakarta.enterprise.inject.spi.CDI.current()
                .select(dev.fmd.query.OutlierQueries.class).get();
        var profiled = profiles.profiledRequests(endpointId, null, null, 5).requests();
        JsonArrayBuilder tree = Json.createArrayBuilder();
        if (!profiled.isEmpty()) {
            profiles.tree(profiled.get(0).requestId()).forEach(line -> tree.add(
                    Json.createObjectBuilder().add("indent", line.indent())
                            .add("method", line.codeLine().methodName()).add("duration", line.durationMs())));
        }
        JsonArrayBuilder outliers = Json.createArrayBuilder();
        outlierQueries.outliers(endpointId, null, null, 5).outliers().forEach(o -> {
            var details = outlierQueries.outlier(o.id()).orElseThrow();
            outliers.add(Json.createObjectBuilder().add("requestId", o.requestId())
                    .add("stackTrace", details.stackTrace()).add("headers", details.headers()));
        });
        return Json.createObjectBuilder().add("profiled", profiled.size())
                .add("newestDuration", profiled.isEmpty() ? -1 : profiled.get(0).durationMs())
                .add("tree", tree).add("outliers", outliers).build().toString();
    }

    /** The grouped profile, from fmd's own query service (what the dashboard shows). */
    @GET
    @Path("grouped")
    public String grouped(@QueryParam("endpointId") long endpointId, @QueryParam("requests") int requests) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        jakarta.enterprise.inject.spi.CDI.current().select(dev.fmd.query.ProfileQueries.class).get()
                .grouped(endpointId, null, null, requests).forEach(line -> lines.add(Json.createObjectBuilder()
                        .add("indent", line.indent()).add("method", line.codeLine().methodName())
                        .add("class", line.codeLine().className()).add("hits", line.hits())
                        .add("total", line.totalMs()).add("mean", line.meanMs()).add("share", line.share())));
        return lines.build().toString();
    }

    /** @return the name of fmd's table in the WAR's configuration (its {@code fmd.table-prefix}) */
    public static String table(String name) {
        return ConfigProvider.getConfig().getOptionalValue("fmd.table-prefix", String.class).orElse("fmd_") + name;
    }

    /** @return the datasource fmd writes to */
    public static DataSource dataSource() throws NamingException {
        Config config = ConfigProvider.getConfig();
        return (DataSource) new InitialContext().lookup(
                config.getOptionalValue("fmd.datasource", String.class).orElse("java:comp/DefaultDataSource"));
    }

    private static String rows(String sql, String parameter) throws NamingException, SQLException {
        JsonArrayBuilder array = Json.createArrayBuilder();
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    JsonObjectBuilder row = Json.createObjectBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rows.getObject(i);
                        String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        if (value == null) {
                            row.addNull(column);
                        } else if (value instanceof Number number) {
                            row.add(column, number.doubleValue());
                        } else {
                            row.add(column, value.toString());
                        }
                    }
                    array.add(row);
                }
            }
        }
        return array.build().toString();
    }
}
