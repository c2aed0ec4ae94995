package dev.fmd.it.export;

import dev.fmd.Unmonitored;
import dev.fmd.it.support.FmdRowsProbe;
import dev.fmd.store.DurationHistogram;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Deployed into the export tests' WAR: inserts request, outlier and rollup rows straight into fmd's tables (a
 * million in one {@code INSERT ... SELECT} over a generated series), and samples the server's live heap while an
 * export runs. {@link Unmonitored}, so it never adds requests itself.
 */
@Path("export-probe")
@Unmonitored
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportProbe {

    private static volatile Thread sampler;
    private static volatile long baseline;
    private static volatile long peak;
    private static volatile int samples;

    /**
     * Inserts {@code count} requests of the endpoint, ids from {@code firstId}, one every {@code stepMs} ms from
     * {@code from}: durations 0.0 to 99.9 ms, users {@code user-0} to {@code user-49}, instance {@code seed}.
     */
    @POST
    @Path("requests")
    public String seedRequests(@QueryParam("endpoint") String endpoint, @QueryParam("count") long count,
                               @QueryParam("firstId") long firstId, @QueryParam("from") String from,
                               @QueryParam("stepMs") long stepMs) throws Exception {
        try (Connection connection = FmdRowsProbe.dataSource().getConnection()) {
            long endpointId = endpointId(connection, endpoint);
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            String columns = "INSERT INTO " + FmdRowsProbe.table("request") + " (id, endpoint_id, duration, "
                    + "time_requested, version_requested, group_by, ip, status_code, instance) ";
            String sql;
            if (product.contains("postgres")) {
                sql = columns + "SELECT ? + x, ?, (x % 1000) / 10.0, CAST(? AS TIMESTAMP) + x * ? * INTERVAL "
                        + "'1 millisecond', 'v1', 'user-' || (x % 50), '10.0.0.1', 200, 'seed' "
                        + "FROM generate_series(0, " + (count - 1) + ") AS g(x)";
            } else if (product.contains("maria") || product.contains("mysql")) {
                sql = columns + "SELECT ? + seq, ?, (seq % 1000) / 10.0, TIMESTAMPADD(MICROSECOND, seq * ? * 1000, ?),"
                        + " 'v1', CONCAT('user-', seq % 50), '10.0.0.1', 200, 'seed' FROM seq_0_to_" + (count - 1);
            } else {
                sql = columns + "SELECT ? + X, ?, MOD(X, 1000) / 10.0, DATEADD(MILLISECOND, X * ?, CAST(? AS "
                        + "TIMESTAMP)), 'v1', 'user-' || MOD(X, 50), '10.0.0.1', 200, 'seed' "
                        + "FROM SYSTEM_RANGE(0, " + (count - 1) + ")";
            }
            LocalDateTime start = LocalDateTime.ofInstant(Instant.parse(from), ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setLong(1, firstId);
                insert.setLong(2, endpointId);
                if (product.contains("postgres")) {
                    insert.setObject(3, start);
                    insert.setLong(4, stepMs);
                } else {
                    insert.setLong(3, stepMs);
                    insert.setObject(4, start);
                }
                return "{\"inserted\":" + insert.executeUpdate() + "}";
            }
        }
    }

    /**
     * Inserts known rows around the hour starting at {@code hour}: four requests of the endpoint (one a second
     * before the hour, two in it, one at its end), an outlier of the second one, and an hourly rollup with a
     * histogram of 10, 20, 30 and 40 ms.
     */
    @POST
    @Path("known")
    public String seedKnown(@QueryParam("endpoint") String endpoint, @QueryParam("hour") String hour)
            throws Exception {
        LocalDateTime start = LocalDateTime.ofInstant(Instant.parse(hour), ZoneOffset.UTC);
        try (Connection connection = FmdRowsProbe.dataSource().getConnection()) {
            long id = endpointId(connection, endpoint);
            String request = "INSERT INTO " + FmdRowsProbe.table("request") + " (id, endpoint_id, duration, "
                    + "time_requested, version_requested, group_by, ip, status_code, exception_type, instance) VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            insert(connection, request, 1_000_000_001L, id, new java.math.BigDecimal("1.5"),
                    start.plusNanos(250_000_000), "v1", "alice", "10.0.0.1", 200, null, "node-a");
            insert(connection, request, 1_000_000_002L, id, new java.math.BigDecimal("250.25"),
                    start.plusMinutes(10), "v,2", "say \"hi\"\nbye", "::1", 500, "java.lang.IllegalStateException",
                    "node-a");
            insert(connection, request, 1_000_000_003L, id, new java.math.BigDecimal("3"), start.minusSeconds(1),
                    "v1", "before", "10.0.0.3", 200, null, "node-a");
            insert(connection, request, 1_000_000_004L, id, new java.math.BigDecimal("4"), start.plusHours(1),
                    "v1", "after", "10.0.0.4", 200, null, "node-a");
            insert(connection, "INSERT INTO " + FmdRowsProbe.table("outlier") + " (id, request_id, endpoint_id, "
                    + "time_requested, stack_trace, cpu_percent, heap_used, heap_committed, request_url, query_params, "
                    + "form_params, request_headers, request_environment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?)", 1_000_000_002L, 1_000_000_002L, id, start.plusMinutes(10),
                    "java.lang.Thread.sleep(Thread.java)\n\tat shop.Echo.echo(Echo.java:12)", 12.5, 1000L, 2000L,
                    "http://127.0.0.1/tiny/echo?q=a,b", "q=a,b", "", "Accept: */*\nCookie: [redacted]", "java=17");
            DurationHistogram histogram = new DurationHistogram();
            for (int ms = 10; ms <= 40; ms += 10) {
                histogram.add(ms);
            }
            insert(connection, "INSERT INTO " + FmdRowsProbe.table("rollup") + " (id, endpoint_id, hour_start, "
                    + "version, instance, hits, errors, client_errors, total_ms, histogram) VALUES (?, ?, ?, 'v1', "
                    + "'node-a', 4, 1, 2, 100.0, ?)", -1_000_000_001L, id, start, histogram.encode());
        }
        return "{}";
    }

    /** Starts sampling the live heap: a full collection, then the heap used, every 200 ms. */
    @POST
    @Path("heap/start")
    public synchronized String startSampling() {
        baseline = liveHeap();
        peak = baseline;
        samples = 0;
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak = Math.max(peak, liveHeap());
                samples++;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "export-test-heap-sampler");
        thread.setDaemon(true);
        thread.start();
        sampler = thread;
        return "{\"baseline\":" + baseline + "}";
    }

    /** @return the live heap before the export, its peak during it, and how many samples were taken */
    @GET
    @Path("heap/stop")
    public synchronized String stopSampling() throws InterruptedException {
        Thread thread = sampler;
        if (thread != null) {
            thread.interrupt();
            thread.join();
        }
        peak = Math.max(peak, liveHeap());
        return "{\"baseline\":" + baseline + ",\"peak\":" + peak + ",\"samples\":" + samples + "}";
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long endpointId(Connection connection, String endpoint) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM "
                + FmdRowsProbe.table("endpoint") + " WHERE name = ?")) {
            select.setString(1, endpoint);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no endpoint " + endpoint);
                }
                return rows.getLong(1);
            }
        }
    }

    private static void insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
        }
    }
}
