package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.query.Dimension;
import dev.fmd.query.ProfiledRequest;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.RequestPage;
import dev.fmd.query.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The server-side time of every query service behind a dashboard page, on the data set of {@link DataGenerator}: each
 * query once to warm up, then {@value #RUNS} times; the table gives the median, the fastest and the slowest, and
 * what the query returned. Then the storage the data set takes per request and per profiled request.
 * <pre>
 * scripts/benchmark-pages.sh
 * </pre>
 * Reads the tables of {@code bench.prefix} (default {@code gen_}); {@code -Dbench.url} picks the database;
 * {@code -Dbench.only=text} runs only the queries whose name contains it, {@code -Dbench.sample=true} adds a
 * wall-clock profile of each. A page's query is one line of {@link #queries}.
 */
public final class PageQueryBenchmark {

    static final int RUNS = 5;
    private static final long TARGET_MS = 300;

    /** One query of a page: what it is called and how to run it. */
    record PageQuery(String page, String query, Callable<Object> run) {
    }

    private final JpaEndpointQueries endpoints;
    private final JpaProfileQueries profiles;
    private final JpaOutlierQueries outliers;
    private final JpaUsageQueries usage;
    private final JpaPerformanceQueries performance;
    private final JpaDimensionQueries dimensions;
    private final JpaRequestQueries requests;
    private final Instant now = Instant.now();
    private final TimeWindow week = TimeWindow.last(Duration.ofDays(7), now);
    private final TimeWindow quarter = TimeWindow.last(Duration.ofDays(90), now);
    private final ZoneId zone = ZoneId.of("Europe/Amsterdam");
    private final long busiest;
    private final long profiled;
    private final long withOutliers;
    private long newestTree;
    private String newestVersion;
    private RequestCursor page21;
    private RequestCursor profiledPage21;
    private RequestCursor outlierPage21;
    private long newestOutlier;

    private PageQueryBenchmark(Store store, long busiest, long profiled, long withOutliers) {
        this.endpoints = new JpaEndpointQueries(store);
        this.profiles = new JpaProfileQueries(store);
        this.outliers = new JpaOutlierQueries(store);
        this.usage = new JpaUsageQueries(store);
        this.performance = new JpaPerformanceQueries(store);
        this.dimensions = new JpaDimensionQueries(store);
        this.requests = new JpaRequestQueries(store);
        this.busiest = busiest;
        this.profiled = profiled;
        this.withOutliers = withOutliers;
    }

    /** Every page query, one a line. */
    List<PageQuery> queries() {
        return List.of(
                new PageQuery("overview", "overview, last 7 days", () -> endpoints.overview(week, now)),
                new PageQuery("overview", "overview, last 90 days", () -> endpoints.overview(quarter, now)),
                new PageQuery("endpoint", "summary(busiest endpoint, 90 days)",
                        () -> endpoints.summary(busiest, quarter, now).stream().toList()),
                new PageQuery("usage", "hourlyLoad(90 days, Europe/Amsterdam)", () -> usage.hourlyLoad(quarter, zone)),
                new PageQuery("usage", "hourlyLoad(busiest endpoint, 90 days)",
                        () -> usage.hourlyLoad(busiest, quarter, zone)),
                new PageQuery("usage", "dailyHits(90 days)", () -> usage.dailyHits(quarter)),
                new PageQuery("usage", "dailyVersions(90 days)", () -> usage.dailyVersions(quarter)),
                new PageQuery("usage", "versionShares(90 days)", () -> usage.versionShares(quarter)),
                new PageQuery("performance", "endpoints(90 days)", () -> performance.endpoints(quarter)),
                new PageQuery("performance", "versions(busiest endpoint, 90 days)",
                        () -> performance.versions(busiest, quarter)),
                new PageQuery("performance", "hourly(busiest endpoint, 7 days)",
                        () -> performance.hourly(busiest, week)),
                new PageQuery("performance", "daily(busiest endpoint, 90 days)",
                        () -> performance.daily(busiest, quarter)),
                new PageQuery("users", "byVersion(busiest endpoint, users, 90 days)",
                        () -> dimensions.byVersion(busiest, Dimension.USER, quarter)),
                new PageQuery("users", "byValue(busiest endpoint, users, 90 days)",
                        () -> dimensions.byValue(busiest, Dimension.USER, quarter)),
                new PageQuery("users", "breakdown(busiest endpoint, users, 90 days)",
                        () -> dimensions.breakdown(busiest, Dimension.USER, quarter).byVersion()),
                new PageQuery("IPs", "byVersion(busiest endpoint, IPs, 90 days)",
                        () -> dimensions.byVersion(busiest, Dimension.IP, quarter)),
                new PageQuery("IPs", "byValue(busiest endpoint, IPs, 90 days)",
                        () -> dimensions.byValue(busiest, Dimension.IP, quarter)),
                new PageQuery("status codes", "statusCodes(busiest endpoint, 90 days)",
                        () -> dimensions.statusCodes(busiest, quarter)),
                new PageQuery("requests", "requests(busiest endpoint, first page, 50)",
                        () -> requests.requests(busiest, null, 50).requests()),
                new PageQuery("requests", "requests(busiest endpoint, page 21 by cursor, 50)",
                        () -> requests.requests(busiest, page21, 50).requests()),
                new PageQuery("profiler", "profiledRequests(busiest level-3 endpoint, 90 days, first page, 50)",
                        () -> profiles.profiledRequests(profiled, quarter, null, 50).requests()),
                new PageQuery("profiler", "profiledRequests(busiest level-3 endpoint, page 21 by cursor, 50)",
                        () -> profiles.profiledRequests(profiled, quarter, profiledPage21, 50).requests()),
                new PageQuery("profiler", "slowestProfiled(busiest level-3 endpoint, 7 days, 20)",
                        () -> profiles.slowestProfiled(profiled, week, 20)),
                new PageQuery("profiler", "slowestProfiled(busiest level-3 endpoint, 90 days, 20)",
                        () -> profiles.slowestProfiled(profiled, quarter, 20)),
                new PageQuery("profiler", "tree(its newest profiled request)", () -> profiles.tree(newestTree)),
                new PageQuery("grouped profiler", "grouped(busiest level-3 endpoint, 90 days, all versions, 500)",
                        () -> profiles.grouped(profiled, quarter, null, 500)),
                new PageQuery("grouped profiler", "grouped(busiest level-3 endpoint, 90 days, newest version, 500)",
                        () -> profiles.grouped(profiled, quarter, newestVersion, 500)),
                new PageQuery("grouped profiler", "profiledVersions(busiest level-3 endpoint, 7 days)",
                        () -> profiles.profiledVersions(profiled, week)),
                new PageQuery("grouped profiler", "profiledVersions(busiest level-3 endpoint, 90 days)",
                        () -> profiles.profiledVersions(profiled, quarter)),
                new PageQuery("outliers", "outliers(endpoint with most outliers, 90 days, first page, 50)",
                        () -> outliers.outliers(withOutliers, quarter, null, 50).outliers()),
                new PageQuery("outliers", "outliers(whole app, 90 days, first page, 50)",
                        () -> outliers.outliers(null, quarter, null, 50).outliers()),
                new PageQuery("outliers", "outliers(whole app, page 21 by cursor, 50)",
                        () -> outliers.outliers(null, quarter, outlierPage21, 50).outliers()),
                new PageQuery("outliers", "slowestOutliers(whole app, 7 days, 20)",
                        () -> outliers.slowestOutliers(null, week, 20)),
                new PageQuery("outliers", "slowestOutliers(whole app, 90 days, 20)",
                        () -> outliers.slowestOutliers(null, quarter, 20)),
                new PageQuery("outliers", "outlier(the newest one)",
                        () -> outliers.outlier(newestOutlier).stream().toList()));
    }

    /** @return the cursor of the 21st page, following the next cursors from the first, or null when fewer */
    private RequestCursor cursorOfPage21(java.util.function.UnaryOperator<RequestCursor> next) {
        RequestCursor cursor = next.apply(null);
        for (int i = 1; i < 20 && cursor != null; i++) {
            cursor = next.apply(cursor);
        }
        return cursor;
    }

    /** What one query took, in ms. */
    record Timing(PageQuery query, double[] ms, int rows) {
        double median() {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    static Timing time(PageQuery query) throws Exception {
        query.run().call();
        double[] ms = new double[RUNS];
        Object result = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = query.run().call();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Timing(query, ms, result instanceof Collection<?> c ? c.size() : result == null ? 0 : 1);
    }

    public static void main(String[] args) throws Exception {
        String prefix = System.getProperty("bench.prefix", "gen_");
        try (BenchDatabase db = BenchDatabase.fromSystemProperties()) {
            long requests = db.number("SELECT COUNT(*) FROM " + prefix + "request");
            long busiest = db.number("SELECT endpoint_id FROM " + prefix + "rollup_day GROUP BY endpoint_id "
                    + "ORDER BY SUM(hits) DESC LIMIT 1");
            long profiled = db.number("SELECT e.id FROM " + prefix + "endpoint e JOIN " + prefix + "rollup_day d "
                    + "ON d.endpoint_id = e.id WHERE e.monitor_level = 3 GROUP BY e.id ORDER BY SUM(d.hits) DESC "
                    + "LIMIT 1");
            long withOutliers = db.number("SELECT endpoint_id FROM " + prefix + "outlier GROUP BY endpoint_id "
                    + "ORDER BY COUNT(*) DESC LIMIT 1");
            Store store = new Store(DataGenerator.config(Map.of(FmdConfig.TABLE_PREFIX, prefix)), db.dataSource());
            store.open();
            try {
                PageQueryBenchmark benchmark = new PageQueryBenchmark(store, busiest, profiled, withOutliers);
                ProfiledRequest newest = benchmark.profiles.profiledRequests(profiled, null, null, 1).requests()
                        .get(0);
                benchmark.newestTree = newest.requestId();
                benchmark.newestVersion = newest.version();
                benchmark.profiledPage21 = benchmark.cursorOfPage21(
                        cursor -> benchmark.profiles.profiledRequests(profiled, benchmark.quarter, cursor, 50).next());
                benchmark.outlierPage21 = benchmark.cursorOfPage21(
                        cursor -> benchmark.outliers.outliers(null, benchmark.quarter, cursor, 50).next());
                benchmark.newestOutlier = benchmark.outliers.outliers(null, null, null, 1).outliers().get(0).id();
                RequestPage page = benchmark.requests.requests(busiest, null, 50);
                for (int i = 1; i < 20; i++) {
                    page = benchmark.requests.requests(busiest, page.next(), 50);
                }
                benchmark.page21 = page.next();
                System.out.printf("Page queries on %s* (%,d requests), median of %d runs after one warm-up%n%n",
                        prefix, requests, RUNS);
                System.out.println("| page | query | median ms | fastest | slowest | rows |");
                System.out.println("|---|---|---|---|---|---|");
                List<Timing> misses = new ArrayList<>();
                String only = System.getProperty("bench.only", "");
                for (PageQuery query : benchmark.queries()) {
                    if (!query.query().contains(only)) {
                        continue;
                    }
                    StackSampler sampler = Boolean.getBoolean("bench.sample")
                            ? new StackSampler(Thread.currentThread(), 3) : null;
                    Timing timing = time(query);
                    if (sampler != null) {
                        sampler.close();
                        System.out.println(sampler.top(12));
                    }
                    double[] sorted = timing.ms().clone();
                    Arrays.sort(sorted);
                    System.out.printf("| %s | %s | %.1f | %.1f | %.1f | %d |%n", query.page(), query.query(),
                            timing.median(), sorted[0], sorted[sorted.length - 1], timing.rows());
                    if (timing.median() >= TARGET_MS) {
                        misses.add(timing);
                    }
                }
                System.out.println(misses.isEmpty() ? "\nevery query under " + TARGET_MS + " ms"
                        : "\nover " + TARGET_MS + " ms: " + misses.stream().map(t -> t.query().query()).toList());
            } finally {
                store.close();
            }
            storage(db, prefix, requests);
        }
    }

    /** Prints each table's size and rows, and what a request and a profiled request cost in storage. */
    static void storage(BenchDatabase db, String prefix, long requests) throws Exception {
        System.out.printf("%n| table | rows | size (MB, with indexes) | bytes per row |%n|---|---|---|---|%n");
        long perRequest = 0;
        long perTree = 0;
        for (String table : BenchDatabase.TABLES) {
            long rows = db.number("SELECT COUNT(*) FROM " + prefix + table);
            long bytes = db.size(prefix + table);
            System.out.printf("| %s | %,d | %,.1f | %s |%n", table, rows, bytes / 1048576.0,
                    rows == 0 ? "" : String.format("%,.0f", (double) bytes / rows));
            if (table.equals("request") || table.startsWith("rollup")) {
                perRequest += bytes;
            } else if (table.equals("stack_line") || table.equals("code_line")) {
                perTree += bytes;
            }
        }
        long trees = db.number("SELECT COUNT(*) FROM " + prefix + "stack_line WHERE position = 0");
        long outlierRows = db.number("SELECT COUNT(*) FROM " + prefix + "outlier");
        System.out.printf("%nper request (request row and its share of the rollups): %,.0f bytes%n",
                (double) perRequest / requests);
        System.out.printf("per profiled request (its stack lines and the shared code lines), besides its request: "
                + "%,.0f bytes (%,d trees, %.1f lines each)%n", (double) perTree / trees, trees,
                (double) db.number("SELECT COUNT(*) FROM " + prefix + "stack_line") / trees);
        System.out.printf("per outlier: %,.0f bytes (%,d outliers)%n",
                (double) db.size(prefix + "outlier") / outlierRows, outlierRows);
    }
}
