package dev.fmd.store;

import dev.fmd.query.Dimension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The writer's rollups: adds each stored request to the four {@link RollupTable#PER_ENDPOINT} tables in memory, and
 * writes the sums to the database from time to time, so that a table row is updated once per flush however many
 * requests it counts. The hits of the hourly rows a flush writes also go, summed per hour, into the app-wide
 * {@link RollupTable#APP_HOUR} table ({@link AppHourRows}), in the same transaction: nothing per request.
 * <p>
 * The values of the user and IP dimension are bounded: per endpoint, day, dimension and instance, the first
 * {@code fmd.top-values} distinct values get rows of their own; later values of that day are counted in one
 * {@value #OTHER} row. A request without a group-by value counts as {@value #NONE}.
 * <p>
 * Writing is read-modify-write on rows this instance owns; which rows exist is remembered per endpoint and time
 * bucket, loaded once with one query, so that a flush reads only the rows it changes (by id) and inserts the new ones.
 * What a flush takes is given back when its transaction fails ({@link #restore}), so nothing is counted twice or lost.
 * Not thread-safe: used by the writer thread only.
 */
final class Rollups {

    static final String OTHER = Dimension.OTHER;
    static final String NONE = Dimension.NONE;
    static final String USER = Dimension.USER.code();
    static final String IP = Dimension.IP.code();
    private static final long HOUR_MILLIS = 3_600_000L;

    private final Schema schema;
    private final String instance;
    private final int topValues;
    private final AppHourRows appHours;
    private Map<Key, Delta> deltas = new HashMap<>();
    /** Rows known to exist, per partition (table, endpoint, bucket[, dimension]) of a loaded bucket: key → id. */
    private final Map<Partition, Map<Key, Long>> known = new HashMap<>();
    /** The buckets whose rows are loaded into {@link #known}. */
    private final Set<Bucket> loaded = new HashSet<>();
    /** The hour of the last request added by its epoch milliseconds, its start and its day. */
    private long hourFrom;
    private LocalDateTime hour;
    private LocalDateTime day;

    /**
     * @param schema    names the tables
     * @param instance  this instance's name, already cut to its column
     * @param topValues {@code fmd.top-values}
     */
    Rollups(Schema schema, String instance, int topValues) {
        this.schema = schema;
        this.instance = instance;
        this.topValues = topValues;
        this.appHours = new AppHourRows(schema, instance);
    }

    /** Adds one stored request to every rollup. Strings are already cut to their columns. */
    void add(long endpointId, LocalDateTime time, String version, String groupBy, String ip, int status, double ms) {
        add(endpointId, time.truncatedTo(ChronoUnit.HOURS), time.truncatedTo(ChronoUnit.DAYS), version, groupBy, ip,
                status, ms);
    }

    /**
     * Adds one stored request to every rollup, as {@link #add(long, LocalDateTime, String, String, String, int,
     * double)} does, with its start in epoch milliseconds: the hour and day of the previous request are reused while
     * requests stay in the same hour, which is what the writer's requests do.
     */
    void add(long endpointId, long epochMillis, String version, String groupBy, String ip, int status, double ms) {
        if (hour == null || epochMillis < hourFrom || epochMillis >= hourFrom + HOUR_MILLIS) {
            hourFrom = Math.floorDiv(epochMillis, HOUR_MILLIS) * HOUR_MILLIS;
            hour = RequestRows.utc(hourFrom);
            day = hour.truncatedTo(ChronoUnit.DAYS);
        }
        add(endpointId, hour, day, version, groupBy, ip, status, ms);
    }

    private void add(long endpointId, LocalDateTime hour, LocalDateTime day, String version, String groupBy,
                     String ip, int status, double ms) {
        delta(new Key(RollupTable.HOUR, endpointId, hour, version, List.of())).add(ms, status);
        delta(new Key(RollupTable.DAY, endpointId, day, version, List.of())).add(ms, status);
        delta(new Key(RollupTable.DIMENSION, endpointId, day, version,
                List.of(USER, groupBy == null || groupBy.isEmpty() ? NONE : groupBy))).add(ms, status);
        delta(new Key(RollupTable.DIMENSION, endpointId, day, version,
                List.of(IP, ip == null || ip.isEmpty() ? NONE : ip))).add(ms, status);
        delta(new Key(RollupTable.STATUS, endpointId, day, version, List.of(status))).add(ms, status);
    }

    /** @return whether nothing waits to be written */
    boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** @return the sums added since the last {@link #take}, which are forgotten here */
    Map<Key, Delta> take() {
        Map<Key, Delta> taken = deltas;
        deltas = new HashMap<>();
        return taken;
    }

    /**
     * @param tables the tables to flush now
     * @return their sums added since they were last taken, which are forgotten here
     */
    Map<Key, Delta> take(Set<RollupTable> tables) {
        Map<Key, Delta> taken = new HashMap<>();
        deltas.entrySet().removeIf(entry -> {
            if (tables.contains(entry.getKey().table())) {
                taken.put(entry.getKey(), entry.getValue());
                return true;
            }
            return false;
        });
        return taken;
    }

    /** Gives back sums whose write failed, to be written with the next flush. */
    void restore(Map<Key, Delta> taken) {
        taken.forEach((key, delta) -> deltas.merge(key, delta, Delta::merge));
    }

    /**
     * Writes taken sums on the connection, in its transaction. Call {@link Written#commit()} once that transaction
     * committed (the new rows are remembered then), or {@link #restore} when it failed.
     *
     * @param connection a connection in a transaction
     * @param ids        ids for new rows
     * @param taken      what {@link #take} returned
     * @return what to do once committed
     */
    Written write(Connection connection, IdBlocks ids, Map<Key, Delta> taken) throws SQLException {
        Map<Key, Delta> admitted = admit(connection, taken);
        Map<Key, Long> created = new HashMap<>();
        for (RollupTable table : RollupTable.PER_ENDPOINT) {
            Map<Key, Delta> ofTable = new LinkedHashMap<>();
            admitted.forEach((key, delta) -> {
                if (key.table() == table) {
                    ofTable.put(key, delta);
                }
            });
            if (!ofTable.isEmpty()) {
                write(connection, ids, table, ofTable, created);
            }
        }
        appHours.add(connection, admitted);
        return new Written(created);
    }

    /** Forgets partitions older than the day before {@code now}, so that memory holds only the live buckets. */
    void forgetBefore(LocalDateTime now) {
        LocalDateTime yesterday = now.truncatedTo(ChronoUnit.DAYS).minusDays(1);
        known.keySet().removeIf(p -> p.bucket().isBefore(yesterday));
        loaded.removeIf(b -> b.start().isBefore(yesterday));
    }

    /** New rows of a committed flush, to remember. */
    final class Written {
        private final Map<Key, Long> created;

        private Written(Map<Key, Long> created) {
            this.created = created;
        }

        void commit() {
            created.forEach((key, id) -> {
                Map<Key, Long> rows = known.get(key.partition());
                if (rows != null) {
                    rows.put(key, id);
                }
            });
        }
    }

    private Delta delta(Key key) {
        return deltas.computeIfAbsent(key, k -> new Delta(k.table().durations()));
    }

    /**
     * Sends user and IP values beyond the first {@code fmd.top-values} of their endpoint and day to {@value #OTHER}.
     */
    private Map<Key, Delta> admit(Connection connection, Map<Key, Delta> taken) throws SQLException {
        Map<Key, Delta> admitted = new HashMap<>();
        Map<Partition, Set<Object>> admittedValues = new HashMap<>();
        for (Map.Entry<Key, Delta> entry : taken.entrySet()) {
            Key key = entry.getKey();
            if (key.table() == RollupTable.DIMENSION) {
                Partition partition = key.partition();
                Map<Key, Long> rows = known(connection, partition);
                Object value = key.own().get(1);
                Set<Object> values = admittedValues.computeIfAbsent(partition, p -> {
                    Set<Object> existing = new HashSet<>();
                    rows.keySet().forEach(k -> existing.add(k.own().get(1)));
                    return existing;
                });
                if (!values.contains(value) && !value.equals(OTHER)) {
                    if (values.size() - (values.contains(OTHER) ? 1 : 0) >= topValues) {
                        key = new Key(key.table(), key.endpointId(), key.bucket(), key.version(),
                                List.of(key.own().get(0), OTHER));
                    }
                    values.add(key.own().get(1));
                }
            }
            admitted.merge(key, new Delta(key.table().durations()).merge(entry.getValue()), Delta::merge);
        }
        return admitted;
    }

    private void write(Connection connection, IdBlocks ids, RollupTable table, Map<Key, Delta> ofTable,
                       Map<Key, Long> created) throws SQLException {
        Map<Long, Delta> updates = new LinkedHashMap<>();
        List<Map.Entry<Key, Delta>> inserts = new ArrayList<>();
        for (Map.Entry<Key, Delta> entry : ofTable.entrySet()) {
            Long id = known(connection, entry.getKey().partition()).get(entry.getKey());
            if (id == null) {
                id = created.get(entry.getKey());
            }
            if (id == null) {
                inserts.add(entry);
            } else {
                updates.put(id, entry.getValue());
            }
        }
        update(connection, table, updates);
        insert(connection, ids, table, inserts, created);
    }

    private void update(Connection connection, RollupTable table, Map<Long, Delta> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        String name = schema.name(table.name());
        if (!table.durations()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + name + " SET hits = hits + ? WHERE id = ?")) {
                for (Map.Entry<Long, Delta> entry : updates.entrySet()) {
                    update.setLong(1, entry.getValue().hits);
                    update.setLong(2, entry.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return;
        }
        Map<Long, String> histograms = new HashMap<>();
        List<Long> idList = new ArrayList<>(updates.keySet());
        for (int from = 0; from < idList.size(); from += 500) {
            List<Long> chunk = idList.subList(from, Math.min(idList.size(), from + 500));
            try (PreparedStatement select = connection.prepareStatement("SELECT id, histogram FROM " + name
                    + " WHERE id IN (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        histograms.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + name + " SET hits = hits + ?, "
                + "errors = errors + ?, client_errors = client_errors + ?, total_ms = total_ms + ?, histogram = ? "
                + "WHERE id = ?")) {
            for (Map.Entry<Long, Delta> entry : updates.entrySet()) {
                Delta delta = entry.getValue();
                DurationHistogram merged = DurationHistogram.decode(histograms.get(entry.getKey()));
                merged.merge(delta.histogram);
                update.setLong(1, delta.hits);
                update.setLong(2, delta.errors);
                update.setLong(3, delta.clientErrors);
                update.setDouble(4, delta.totalMs);
                update.setString(5, merged.encode());
                update.setLong(6, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private void insert(Connection connection, IdBlocks ids, RollupTable table, List<Map.Entry<Key, Delta>> inserts,
                        Map<Key, Long> created) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(List.of("id", "endpoint_id", table.bucket(), "version", "instance"));
        columns.addAll(table.keys());
        columns.add("hits");
        if (table.durations()) {
            columns.addAll(List.of("errors", "client_errors", "total_ms", "histogram"));
        }
        String sql = "INSERT INTO " + schema.name(table.name()) + " (" + String.join(", ", columns) + ") VALUES ("
                + "?,".repeat(columns.size() - 1) + "?)";
        long first = ids.next(table.name(), inserts.size());
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < inserts.size(); i++) {
                Key key = inserts.get(i).getKey();
                Delta delta = inserts.get(i).getValue();
                int p = 1;
                insert.setLong(p++, first + i);
                insert.setLong(p++, key.endpointId());
                insert.setObject(p++, key.bucket());
                insert.setString(p++, key.version());
                insert.setString(p++, instance);
                for (Object own : key.own()) {
                    insert.setObject(p++, own);
                }
                insert.setLong(p++, delta.hits);
                if (table.durations()) {
                    insert.setLong(p++, delta.errors);
                    insert.setLong(p++, delta.clientErrors);
                    insert.setDouble(p++, delta.totalMs);
                    insert.setString(p, delta.histogram.encode());
                }
                insert.addBatch();
                created.put(key, first + i);
            }
            insert.executeBatch();
        }
    }

    /**
     * @return the rows of the partition that exist; the first time a time bucket is needed, the rows of every
     *         endpoint in it are loaded with one query (one per hour at most, rather than one per endpoint and hour)
     */
    private Map<Key, Long> known(Connection connection, Partition partition) throws SQLException {
        Map<Key, Long> rows = known.get(partition);
        if (rows != null) {
            return rows;
        }
        Bucket bucket = new Bucket(partition.table(), partition.bucket(), partition.dimension());
        if (loaded.add(bucket)) {
            load(connection, bucket);
        }
        return known.computeIfAbsent(partition, p -> new HashMap<>());
    }

    private void load(Connection connection, Bucket bucket) throws SQLException {
        RollupTable table = bucket.table();
        StringBuilder sql = new StringBuilder("SELECT id, version, endpoint_id");
        table.keys().forEach(k -> sql.append(", ").append(k));
        sql.append(" FROM ").append(schema.name(table.name())).append(" WHERE instance = ? AND ")
                .append(table.bucket()).append(" = ?");
        if (bucket.dimension() != null) {
            sql.append(" AND dimension = ?");
        }
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setString(1, instance);
            select.setObject(2, bucket.start());
            if (bucket.dimension() != null) {
                select.setString(3, bucket.dimension());
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    List<Object> own = new ArrayList<>();
                    for (int i = 0; i < table.keys().size(); i++) {
                        Object value = result.getObject(4 + i);
                        own.add(value instanceof Number n ? (Object) n.intValue() : value);
                    }
                    Key key = new Key(table, result.getLong(3), bucket.start(), result.getString(2), own);
                    known.computeIfAbsent(key.partition(), p -> new HashMap<>()).put(key, result.getLong(1));
                }
            }
        }
    }

    /**
     * One row of a rollup table.
     *
     * @param own the table's own key values: {@code [dimension, value]} or {@code [status]}
     */
    record Key(RollupTable table, long endpointId, LocalDateTime bucket, String version, List<Object> own) {

        /** Written out: the tables are constants, compared by identity first (a record's own would compare them whole). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && (table == key.table || table.equals(key.table))
                    && endpointId == key.endpointId && bucket.equals(key.bucket)
                    && Objects.equals(version, key.version) && own.equals(key.own);
        }

        @Override
        public int hashCode() {
            int hash = table.name().hashCode();
            hash = 31 * hash + Long.hashCode(endpointId);
            hash = 31 * hash + bucket.hashCode();
            hash = 31 * hash + Objects.hashCode(version);
            return 31 * hash + own.hashCode();
        }

        Partition partition() {
            return new Partition(table, endpointId, bucket,
                    table == RollupTable.DIMENSION ? (String) own.get(0) : null);
        }
    }

    /** The rows of one endpoint and bucket (and dimension) in one table. */
    record Partition(RollupTable table, long endpointId, LocalDateTime bucket, String dimension) {
    }

    /** The rows of every endpoint in one bucket (and dimension) of one table: what is loaded at once. */
    private record Bucket(RollupTable table, LocalDateTime start, String dimension) {
    }

    /** Sums to add to one row. */
    static final class Delta {
        long hits;
        long errors;
        long clientErrors;
        double totalMs;
        final DurationHistogram histogram;

        Delta(boolean durations) {
            histogram = durations ? new DurationHistogram() : null;
        }

        void add(double ms, int status) {
            hits++;
            if (histogram != null) {
                totalMs += ms;
                histogram.add(ms);
                if (status >= 500) {
                    errors++;
                } else if (status >= 400) {
                    clientErrors++;
                }
            }
        }

        Delta merge(Delta other) {
            hits += other.hits;
            errors += other.errors;
            clientErrors += other.clientErrors;
            totalMs += other.totalMs;
            if (histogram != null) {
                histogram.merge(other.histogram);
            }
            return this;
        }
    }
}
