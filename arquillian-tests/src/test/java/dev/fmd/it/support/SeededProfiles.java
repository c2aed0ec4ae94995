package dev.fmd.it.support;

import dev.fmd.profiler.CodeLine;
import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.StackLine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Known call trees and outliers, as rows an instance would have written, with what the profiler and outlier queries
 * must answer for them, stated by hand. Used on both sides: the test WAR's probe {@link #insert}s the rows with plain
 * JDBC (ids negative, below every id fmd hands out), the test compares the answers with {@link #GROUPED_ALL},
 * {@link #GROUPED_V2}, {@link #requests()} and {@link #outliers()}.
 * <p>
 * Two endpoints: the profiled one P (e.g. {@code OrderResource.list}) with six profiled requests, three of version
 * {@link #V1} and three of {@link #V2} on the instances {@link #NODE_A} and {@link #NODE_B}, and two requests without
 * a tree; the other one Q with one profiled and one unprofiled request. Four outliers, one of them stored before fmd
 * kept the endpoint's average (null). Times are whole hours after the base, {@code at(5)} twice (the tie of the
 * keyset order is broken by the id, newest first: -105 before -106).
 * <pre>
 * SeededProfiles seeded = new SeededProfiles(Instant.parse("2026-12-01T00:00:00Z"));
 * seeded.insert(connection, "fmd_", idOfP, idOfQ);                 // in the server
 * assertEquals(SeededProfiles.GROUPED_ALL, profiles.grouped(idOfP, window, null, 100));
 * </pre>
 */
public final class SeededProfiles {

    public static final String V1 = "1.0";
    public static final String V2 = "2.0";
    public static final String NODE_A = "node-a";
    public static final String NODE_B = "node-b";

    /** the endpoint method of P, the root of its trees */
    public static final CodeLine ROOT = new CodeLine("dev.fmd.it.queries.OrderResource", "list",
            "OrderResource.java", 0);
    public static final CodeLine FIND = new CodeLine("com.example.shop.OrderRepository", "find",
            "OrderRepository.java", 42);
    public static final CodeLine CACHE = new CodeLine("com.example.shop.Cache", "get", "Cache.java", 17);
    /** a constructor of a nested class: {@code $} and {@code <init>}, text a page must escape */
    public static final CodeLine INIT = new CodeLine("com.example.shop.OrderRepository$Query", "<init>",
            "OrderRepository.java", 88);
    public static final CodeLine JSON = new CodeLine("com.example.shop.Json", "write", "Json.java", 9);
    /** the endpoint method of Q */
    public static final CodeLine OTHER_ROOT = new CodeLine("dev.fmd.it.queries.ItemResource", "list",
            "ItemResource.java", 0);
    private static final List<CodeLine> CODE_LINES = List.of(ROOT, FIND, CACHE, INIT, JSON, OTHER_ROOT);

    /** P's six trees merged: 590 ms in all; paths by decreasing total under each parent. */
    public static final List<GroupedLine> GROUPED_ALL = List.of(
            new GroupedLine(0, ROOT, 6, 590, 590 / 6.0, Math.sqrt(74900 / 6.0 - Math.pow(590 / 6.0, 2)), 1),
            new GroupedLine(1, FIND, 5, 300, 60, Math.sqrt(2200), 300 / 590.0),
            new GroupedLine(2, CACHE, 3, 80, 80 / 3.0, Math.sqrt(3000 / 3.0 - Math.pow(80 / 3.0, 2)), 80 / 590.0),
            new GroupedLine(2, INIT, 2, 15, 7.5, 2.5, 15 / 590.0),
            new GroupedLine(1, JSON, 4, 220, 55, Math.sqrt(725), 220 / 590.0));

    /** P's three trees of version 2.0 merged (240 ms): here JSON outweighs FIND. */
    public static final List<GroupedLine> GROUPED_V2 = List.of(
            new GroupedLine(0, ROOT, 3, 240, 80, Math.sqrt(22400 / 3.0 - 6400), 1),
            new GroupedLine(1, JSON, 2, 150, 75, 25, 150 / 240.0),
            new GroupedLine(1, FIND, 2, 50, 25, 5, 50 / 240.0),
            new GroupedLine(2, CACHE, 1, 10, 10, 0, 10 / 240.0),
            new GroupedLine(2, INIT, 1, 5, 5, 0, 5 / 240.0));

    /** Text an outlier stores as it came (redacted, not escaped): pages must escape it. */
    public static final String MARKUP = "<script>alert('fmd')</script> & \"quoted\"";

    /**
     * A seeded request.
     *
     * @param id        its (negative) id
     * @param onP       whether it is P's (else Q's)
     * @param time      when it started
     * @param ms        its duration (its root line's, when profiled)
     * @param version   its app version
     * @param groupBy   its user, or null
     * @param status    its HTTP status
     * @param instance  its instance
     * @param tree      its call tree in pre-order, empty when not profiled
     */
    public record Request(long id, boolean onP, Instant time, double ms, String version, String groupBy,
                          int status, String instance, List<StackLine> tree) {
    }

    /**
     * A seeded outlier, of the request of that id.
     *
     * @param averageMs the endpoint's average stored with it, or null (a row of before migration 4)
     */
    public record Outlier(long id, long requestId, Double averageMs, String stackTrace, double cpuPercent,
                          long heapUsed, long heapCommitted, String url, String queryParams, String formParams,
                          String headers, String environment) {
    }

    private final Instant base;
    private final List<Request> requests = new ArrayList<>();
    private final List<Outlier> outliers = new ArrayList<>();

    /** @param base the seeded hours count from here (a whole hour in the past, within the retention) */
    public SeededProfiles(Instant base) {
        this.base = base;
        p(-101, 1, V1, NODE_A, "alice", 200, tree(0, ROOT, 100, 1, FIND, 60, 2, CACHE, 20, 1, JSON, 30));
        p(-102, 2, V1, NODE_B, "bob", 200, tree(0, ROOT, 200, 1, FIND, 150, 2, CACHE, 50, 1, JSON, 40));
        p(-103, 3, V1, NODE_A, null, 200, tree(0, ROOT, 50, 1, FIND, 40, 2, INIT, 10));
        p(-104, 4, V2, NODE_A, "alice", 200, tree(0, ROOT, 80, 1, FIND, 20, 2, CACHE, 10, 1, JSON, 50));
        p(-105, 5, V2, NODE_B, null, 500, tree(0, ROOT, 120, 1, JSON, 100));
        p(-106, 5, V2, NODE_A, "bob", 200, tree(0, ROOT, 40, 1, FIND, 30, 2, INIT, 5));
        requests.add(new Request(-107, true, at(6), 300, V2, null, 500, NODE_A, List.of()));
        requests.add(new Request(-108, true, at(4).plus(Duration.ofMinutes(30)), 70, V1, null, 200, NODE_A,
                List.of()));
        requests.add(new Request(-109, false, at(2).plus(Duration.ofMinutes(30)), 90, V2, null, 201, NODE_A,
                tree(0, OTHER_ROOT, 90, 1, FIND, 60)));
        requests.add(new Request(-110, false, at(6), 400, V2, null, 200, NODE_B, List.of()));
        outliers.add(new Outlier(-201, -102, 40.0, "at com.example.shop.OrderRepository.find(OrderRepository.java:42)\n"
                + MARKUP, 37.5, 300L << 20, 1024L << 20, "https://shop.example.com/shop/orders",
                "page=2\nsort=<date>\n", "", "Accept: text/html\nX-Token: [redacted]\n", "server: app-1:8080\n"));
        outliers.add(new Outlier(-202, -107, null, "at com.example.shop.Json.write(Json.java:9)", -1, 200L << 20,
                1024L << 20, "https://shop.example.com/shop/orders", "", "note=" + MARKUP + "\n", "", ""));
        outliers.add(new Outlier(-203, -109, 20.0, "at com.example.shop.OrderRepository.find(OrderRepository.java:42)",
                12.5, 100L << 20, 512L << 20, "https://shop.example.com/shop/items", "", "", "", ""));
        outliers.add(new Outlier(-204, -110, 100.0, "at java.lang.Thread.sleep(Native Method)", 80, 150L << 20,
                512L << 20, "https://shop.example.com/shop/items", "", "", "", ""));
    }

    /** @return the start of the seeded hour */
    public Instant at(int hour) {
        return base.plus(Duration.ofHours(hour));
    }

    /** @return every seeded request, P's first */
    public List<Request> requests() {
        return requests;
    }

    /** @return the seeded request of that id */
    public Request request(long id) {
        return requests.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** @return every seeded outlier */
    public List<Outlier> outliers() {
        return outliers;
    }

    /**
     * Inserts the rows (requests, code lines, stack lines, outliers) with plain JDBC, as an instance would have
     * written them; once per table prefix.
     *
     * @param connection a connection to fmd's database
     * @param prefix     fmd's table prefix
     * @param p          the id of the profiled endpoint P
     * @param q          the id of the other endpoint Q
     */
    public void insert(Connection connection, String prefix, long p, long q) throws SQLException {
        for (int i = 0; i < CODE_LINES.size(); i++) {
            CodeLine line = CODE_LINES.get(i);
            insert(connection, "INSERT INTO " + prefix + "code_line (id, class_name, method_name, file_name, "
                    + "line_number) VALUES (?, ?, ?, ?, ?)", codeLineId(line), line.className(), line.methodName(),
                    line.fileName(), line.lineNumber());
        }
        for (Request r : requests) {
            insert(connection, "INSERT INTO " + prefix + "request (id, endpoint_id, duration, time_requested, "
                    + "version_requested, group_by, ip, status_code, instance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.id(), r.onP() ? p : q, r.ms(), utc(r.time()), r.version(), r.groupBy(), "10.0.0.1",
                    r.status(), r.instance());
            for (StackLine line : r.tree()) {
                insert(connection, "INSERT INTO " + prefix + "stack_line (request_id, position, indent, "
                        + "code_line_id, duration) VALUES (?, ?, ?, ?, ?)", r.id(), line.position(), line.indent(),
                        codeLineId(line.codeLine()), line.durationMs());
            }
        }
        for (Outlier o : outliers) {
            Request r = request(o.requestId());
            insert(connection, "INSERT INTO " + prefix + "outlier (id, request_id, endpoint_id, time_requested, "
                    + "stack_trace, cpu_percent, heap_used, heap_committed, request_url, query_params, form_params, "
                    + "request_headers, request_environment, average_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?)", o.id(), r.id(), r.onP() ? p : q, utc(r.time()), o.stackTrace(), o.cpuPercent(),
                    o.heapUsed(), o.heapCommitted(), o.url(), o.queryParams(), o.formParams(), o.headers(),
                    o.environment(), o.averageMs());
        }
    }

    private void p(long id, int hour, String version, String instance, String groupBy, int status,
                   List<StackLine> tree) {
        requests.add(new Request(id, true, at(hour), tree.get(0).durationMs(), version, groupBy, status, instance,
                tree));
    }

    /** @return a tree in pre-order of (indent, code line, ms) triples */
    private static List<StackLine> tree(Object... triples) {
        List<StackLine> lines = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            lines.add(new StackLine(i / 3, (Integer) triples[i], (CodeLine) triples[i + 1],
                    ((Integer) triples[i + 2]).doubleValue()));
        }
        return List.copyOf(lines);
    }

    private static long codeLineId(CodeLine line) {
        return -1 - CODE_LINES.indexOf(line);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, sql.contains("average_ms") && i == values.length - 1
                            ? java.sql.Types.DOUBLE : java.sql.Types.VARCHAR);
                } else {
                    insert.setObject(i + 1, values[i]);
                }
            }
            insert.executeUpdate();
        }
    }
}
