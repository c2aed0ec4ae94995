package dev.fmd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A named lease in {@code <prefix>lease}, so that one instance at a time runs a job that several instances sharing a
 * database would otherwise run together (schema migrations, retention). Taken with one conditional UPDATE, which
 * every database serializes: it succeeds when the lease is free, expired, or already this holder's. A holder that dies
 * loses the lease when it expires. Expiry uses each instance's clock, so clocks should agree to well within the time
 * to live.
 * <pre>
 * Lease lease = new Lease(schema, "retention", "host-1/3f2a");
 * if (lease.tryTake(dataSource, 60_000)) { try { ... } finally { lease.release(dataSource); } }
 * </pre>
 */
final class Lease {

    private final String table;
    private final String name;
    private final String holder;

    /**
     * @param schema names the table
     * @param name   the job, e.g. {@code "schema"}
     * @param holder who takes it: unique per instance and start
     */
    Lease(Schema schema, String name, String holder) {
        this.table = schema.name("lease");
        this.name = name;
        this.holder = holder.length() > 150 ? holder.substring(0, 150) : holder;
    }

    /**
     * @param dataSource where the lease table is
     * @param ttlMs      how long the lease is held unless renewed or released
     * @return whether this holder has the lease now
     */
    boolean tryTake(DataSource dataSource, long ttlMs) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!Schema.rowExists(connection, table, "name", name)) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (name, holder, expires_at) VALUES (?, '', 0)")) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!Schema.rowExists(connection, table, "name", name)) {
                        throw e;
                    }
                }
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement take = connection.prepareStatement("UPDATE " + table
                    + " SET holder = ?, expires_at = ? WHERE name = ? AND (expires_at < ? OR holder = ?)")) {
                take.setString(1, holder);
                take.setLong(2, now + ttlMs);
                take.setString(3, name);
                take.setLong(4, now);
                take.setString(5, holder);
                return take.executeUpdate() == 1;
            }
        }
    }

    /** Gives the lease up, if this holder has it. */
    void release(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(
                     "UPDATE " + table + " SET expires_at = 0 WHERE name = ? AND holder = ?")) {
            connection.setAutoCommit(true);
            release.setString(1, name);
            release.setString(2, holder);
            release.executeUpdate();
        }
    }
}
