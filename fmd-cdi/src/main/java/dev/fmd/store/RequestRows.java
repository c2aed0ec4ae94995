package dev.fmd.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.persistence.sessions.server.Server;

/**
 * Inserts the rows of {@code <prefix>request} of one batch as a single JDBC batch, on the connection of the JPA
 * transaction that also writes the batch's rollups (so both commit or roll back together), with ids from the
 * persistence unit's own id blocks for {@link RequestEntity}.
 * <p>
 * Why not {@code persist()}: a managed entity per row (clone, change set, commit ordering) made the writer use 26–29
 * µs of CPU per request under load, against 15–18 µs for this batch, most of which is the embedded database's own
 * work (docs/performance.md); on a small server that is throughput. Request rows are never updated, so they need
 * nothing a persistence context offers.
 */
final class RequestRows {

    private final String insert;

    /** @param schema names the table */
    RequestRows(Schema schema) {
        this.insert = "INSERT INTO " + schema.name("request") + " (id, endpoint_id, duration, time_requested, "
                + "version_requested, group_by, ip, status_code, exception_type, instance) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** One row to insert; the strings are already cut to their column's length. */
    record Row(long endpointId, BigDecimal duration, LocalDateTime timeRequested, String version, String groupBy,
               String ip, int status, String exception, String instance) {
    }

    /**
     * Inserts the rows in the entity manager's active transaction.
     *
     * @param em   an entity manager with an active resource-local transaction
     * @param rows the rows, in order
     * @return the id given to each row, in the same order
     */
    long[] insert(EntityManager em, List<Row> rows) {
        long[] ids = new long[rows.size()];
        if (rows.isEmpty()) {
            return ids;
        }
        Server session = em.unwrap(Server.class);
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int i = 0; i < ids.length; i++) {
                Row row = rows.get(i);
                ids[i] = ((Number) session.getNextSequenceNumberValue(RequestEntity.class)).longValue();
                statement.setLong(1, ids[i]);
                statement.setLong(2, row.endpointId());
                statement.setBigDecimal(3, row.duration());
                statement.setObject(4, row.timeRequested());
                setString(statement, 5, row.version());
                setString(statement, 6, row.groupBy());
                setString(statement, 7, row.ip());
                statement.setInt(8, row.status());
                setString(statement, 9, row.exception());
                setString(statement, 10, row.instance());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("inserting " + rows.size() + " rows into the request table", e);
        }
        return ids;
    }

    private static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
