package dev.fmd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The app-wide hourly load, {@link RollupTable#APP_HOUR} ({@code <prefix>rollup_app_hour}, primary key
 * {@code (hour_start, instance)}): requests per UTC hour and instance over every endpoint and version, so that the
 * heatmap of the whole application reads one row per hour and instance (2,160 for 90 days) instead of the hourly
 * rollup's row per endpoint, version and hour (211,000 rows of about 700 bytes on 10 million requests).
 * <p>
 * Contract: for every hour and instance, {@code hits} equals the sum of {@code rollup.hits}. {@link Rollups} keeps it
 * so by adding the hits of the hourly sums it writes, per hour, in the same transaction ({@link #add}); migration 3
 * fills it from {@code rollup} ({@link #fill}); retention deletes its old hours with the other rollups. Each instance
 * writes only its own rows. Not thread-safe: used by the writer thread only.
 */
final class AppHourRows {

    private final Schema schema;
    private final String instance;

    /**
     * @param schema   names the tables
     * @param instance this instance's name, already cut to its column
     */
    AppHourRows(Schema schema, String instance) {
        this.schema = schema;
        this.instance = instance;
    }

    /**
     * Adds the hits of a flush's hourly sums, per hour: one UPDATE per hour (a flush touches one hour, two around
     * the hour's change), and one INSERT batch for the hours that have no row yet. Costs nothing per request.
     *
     * @param connection a connection in the transaction that writes those sums to {@code rollup}
     * @param deltas     the flush's sums; those of the other tables are ignored
     */
    void add(Connection connection, Map<Rollups.Key, Rollups.Delta> deltas) throws SQLException {
        Map<LocalDateTime, Long> hours = new TreeMap<>();
        deltas.forEach((key, delta) -> {
            if (key.table() == RollupTable.HOUR && delta.hits > 0) {
                hours.merge(key.bucket(), delta.hits, Long::sum);
            }
        });
        if (hours.isEmpty()) {
            return;
        }
        String table = schema.name(RollupTable.APP_HOUR.name());
        List<Map.Entry<LocalDateTime, Long>> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET hits = hits + ? WHERE hour_start = ? AND instance = ?")) {
            for (Map.Entry<LocalDateTime, Long> hour : hours.entrySet()) {
                update.setLong(1, hour.getValue());
                update.setObject(2, hour.getKey());
                update.setString(3, instance);
                if (update.executeUpdate() == 0) {
                    missing.add(hour);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (hour_start, instance, hits) VALUES (?, ?, ?)")) {
            for (Map.Entry<LocalDateTime, Long> hour : missing) {
                insert.setObject(1, hour.getKey());
                insert.setString(2, instance);
                insert.setLong(3, hour.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Fills the table from the hourly rollup, every instance's rows (emptied first, so that a run interrupted
     * half-way and started again counts every request once).
     *
     * @param schema     names the tables
     * @param connection a connection in the transaction of the migration
     */
    static void fill(Schema schema, Connection connection) throws SQLException {
        String table = schema.name(RollupTable.APP_HOUR.name());
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table);
            statement.executeUpdate("INSERT INTO " + table + " (hour_start, instance, hits) SELECT hour_start, "
                    + "instance, SUM(hits) FROM " + schema.name(RollupTable.HOUR.name())
                    + " GROUP BY hour_start, instance");
        }
    }
}
