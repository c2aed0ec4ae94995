package dev.fmd.store;

import dev.fmd.testmonitor.TestHit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's part that adds up the requests tests made ({@link TestHit}s) per run, test and endpoint into
 * {@code <prefix>test_endpoint}: an update of the row's sums, or an insert when it has none yet. What is added up
 * stays in memory until a transaction took it, bounded to {@value #MAX_KEYS} rows; hits of further rows are dropped
 * and counted. Used by the writer thread only.
 */
final class TestEndpointRows {

    /** The most rows waiting to be written. */
    static final int MAX_KEYS = 10_000;

    private final Schema schema;
    private final Map<Key, Sum> pending = new LinkedHashMap<>();
    private long dropped;

    /** One row of {@code test_endpoint}. */
    record Key(String runKey, String testName, long endpointId) {
    }

    /** What a row gains. */
    static final class Sum {
        long hits;
        double totalMs;
        long lastMillis;
    }

    TestEndpointRows(Schema schema) {
        this.schema = schema;
    }

    /** @param hits requests of tests, their endpoints saved (ids known) */
    void add(List<TestHit> hits) {
        for (TestHit hit : hits) {
            Key key = new Key(hit.tag().runKey(), hit.tag().testName(), hit.endpoint().id());
            Sum sum = pending.get(key);
            if (sum == null) {
                if (pending.size() >= MAX_KEYS) {
                    dropped++;
                    continue;
                }
                sum = new Sum();
                pending.put(key, sum);
            }
            sum.hits++;
            sum.totalMs += hit.durationNanos() / 1e6;
            sum.lastMillis = Math.max(sum.lastMillis, hit.epochMillis());
        }
    }

    /** @return whether sums wait to be written */
    boolean waiting() {
        return !pending.isEmpty();
    }

    /** Drops what waits (the database refused it as data), counting its hits. */
    void forget() {
        pending.values().forEach(sum -> dropped += sum.hits);
        pending.clear();
    }

    /** @return hits dropped since start, because too many rows waited */
    long dropped() {
        return dropped;
    }

    /**
     * Writes what waits, in the given transaction; forgets it once that transaction committed, and keeps it for the
     * next one when it rolls back.
     */
    void write(Transaction tx) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<Key, Sum> taken = new LinkedHashMap<>(pending);
        List<Map.Entry<Key, Sum>> missing = new ArrayList<>();
        try (PreparedStatement update = tx.connection().prepareStatement("UPDATE " + schema.name("test_endpoint")
                + " SET hits = hits + ?, total_ms = total_ms + ?, last_seen = ? WHERE run_key = ? AND test_name = ?"
                + " AND endpoint_id = ?")) {
            for (Map.Entry<Key, Sum> entry : taken.entrySet()) {
                Sum sum = entry.getValue();
                update.setLong(1, sum.hits);
                update.setDouble(2, sum.totalMs);
                update.setObject(3, time(sum.lastMillis));
                update.setString(4, entry.getKey().runKey());
                update.setString(5, entry.getKey().testName());
                update.setLong(6, entry.getKey().endpointId());
                if (update.executeUpdate() == 0) {
                    missing.add(entry);
                }
            }
        }
        if (!missing.isEmpty()) {
            long id = tx.ids().next("test_endpoint", missing.size());
            try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO "
                    + schema.name("test_endpoint") + " (id, run_key, test_name, endpoint_id, hits, total_ms, last_seen)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Key, Sum> entry : missing) {
                    insert.setLong(1, id++);
                    insert.setString(2, entry.getKey().runKey());
                    insert.setString(3, entry.getKey().testName());
                    insert.setLong(4, entry.getKey().endpointId());
                    insert.setLong(5, entry.getValue().hits);
                    insert.setDouble(6, entry.getValue().totalMs);
                    insert.setObject(7, time(entry.getValue().lastMillis));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        tx.afterCommit(() -> taken.keySet().forEach(pending::remove));
    }

    private static LocalDateTime time(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
