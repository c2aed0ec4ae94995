package dev.fmd.it.secrets;

import dev.fmd.Unmonitored;
import dev.fmd.it.support.FmdRowsProbe;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Searches every column of every row of every table with fmd's prefix (found through the JDBC metadata, so a table
 * added later is searched too) for a text, ignoring case. {@link Unmonitored}: the text it is sent is never recorded.
 */
@Path("stored-text")
@Unmonitored
@RequestScoped
public class StoredTextProbe {

    /**
     * @param needle the text to look for (the request body, so that it is in no URL)
     * @return {@code {"tables":[name, ...],"rows":n,"hits":["table.column: value", ...]}}
     */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public String search(String needle) throws Exception {
        String prefix = ConfigProvider.getConfig().getOptionalValue("fmd.table-prefix", String.class).orElse("fmd_")
                .toLowerCase(Locale.ROOT);
        String wanted = needle.toLowerCase(Locale.ROOT);
        JsonArrayBuilder tables = Json.createArrayBuilder();
        JsonArrayBuilder hits = Json.createArrayBuilder();
        long rows = 0;
        try (Connection connection = FmdRowsProbe.dataSource().getConnection()) {
            for (String table : tables(connection.getMetaData(), prefix)) {
                tables.add(table);
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        rows++;
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String text = text(result.getObject(i));
                            if (text != null && text.toLowerCase(Locale.ROOT).contains(wanted)) {
                                hits.add(table + "." + meta.getColumnLabel(i) + ": " + text);
                            }
                        }
                    }
                }
            }
        }
        return Json.createObjectBuilder().add("tables", tables).add("rows", rows).add("hits", hits).build()
                .toString();
    }

    private static List<String> tables(DatabaseMetaData meta, String prefix) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String text(Object value) throws Exception {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
