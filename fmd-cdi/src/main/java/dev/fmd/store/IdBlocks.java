package dev.fmd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Ids for the rows fmd inserts with JDBC, in blocks taken from {@code <prefix>sequence} the way EclipseLink's table
 * generator takes them (add the block size to {@code seq_count}, then read it: the block is the values just below),
 * so that several instances, and EclipseLink itself, can share a row. A block is taken in its own short transaction
 * on its own connection, so the sequence row is never locked while a batch is written. Used by the writer thread only.
 */
final class IdBlocks {

    /**
     * Ids taken at once, as a multiple of what one call needs: a block of 20 batches costs one short transaction
     * (and its commit) per 20 batches instead of one per two. What an instance has not used when it stops is a gap
     * in the ids, which nothing minds.
     */
    private static final int BLOCKS_AHEAD = 20;

    private final Schema schema;
    private final DataSource dataSource;
    private final Map<String, long[]> blocks = new HashMap<>();

    IdBlocks(Schema schema, DataSource dataSource) {
        this.schema = schema;
        this.dataSource = dataSource;
    }

    /**
     * @param sequence the table's sequence row, e.g. {@code "request"}
     * @param count    how many ids are needed now (the block taken is at least this large)
     * @return the first of {@code count} consecutive ids, or of ids taken one by one with {@link #next}
     */
    long next(String sequence, int count) throws SQLException {
        long[] block = blocks.get(sequence);
        if (block == null || block[0] + count > block[1]) {
            int size = Math.max(count * BLOCKS_AHEAD, 1000);
            long end = take(sequence, size);
            block = new long[] {end - size + 1, end + 1};
            blocks.put(sequence, block);
        }
        long first = block[0];
        block[0] += count;
        return first;
    }

    private long take(String sequence, int size) throws SQLException {
        String table = schema.name("sequence");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET seq_count = seq_count + ? WHERE seq_name = ?");
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT seq_count FROM " + table + " WHERE seq_name = ?")) {
                update.setLong(1, size);
                update.setString(2, sequence);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("no row '" + sequence + "' in " + table, "22000");
                }
                select.setString(1, sequence);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    long end = row.getLong(1);
                    connection.commit();
                    return end;
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
