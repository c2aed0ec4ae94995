package dev.fmd.it.security;

import dev.fmd.Unmonitored;
import dev.fmd.it.support.FmdRowsProbe;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Deployed into the security test WARs: every fmd table's row count and a checksum of its rows (the SHA-256 of its
 * rows' SHA-256s, sorted, so that row order does not matter), read with plain JDBC. The tables a running instance
 * rewrites on its own (its heartbeat, its lease) are left out. {@link Unmonitored}, so it never adds rows itself.
 */
@Path("fmd-checksums")
@Unmonitored
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TableChecksums {

    /** fmd's tables ({@code Database.TABLES}) but those the instance rewrites on its own (heartbeat, lease). */
    private static final List<String> TABLES = List.of("request", "rollup", "endpoint", "sequence", "code_line",
            "stack_line", "outlier", "rollup_day", "rollup_dimension", "rollup_status", "rollup_app_hour",
            "schema_version");

    @GET
    public String checksums() throws Exception {
        JsonObjectBuilder tables = Json.createObjectBuilder();
        try (Connection connection = FmdRowsProbe.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                tables.add(table, checksum(statement, FmdRowsProbe.table(table)));
            }
        }
        return tables.build().toString();
    }

    private static String checksum(Statement statement, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(result.getMetaData().getColumnName(c)).append('=').append(result.getString(c))
                            .append('\u0001');
                }
                rows.add(sha(row.toString()));
            }
        } catch (SQLException e) {
            return "no table: " + e.getSQLState();
        }
        rows.sort(null);
        return rows.size() + " rows, " + sha(String.join(",", rows));
    }

    private static String sha(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
