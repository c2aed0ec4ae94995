package dev.fmd.store;

import dev.fmd.query.TestCoverage;
import dev.fmd.query.TestResult;
import dev.fmd.query.TestRun;
import dev.fmd.query.TestSummary;
import dev.fmd.query.TestTrend;
import dev.fmd.query.TestmonitorQueries;
import dev.fmd.query.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TestmonitorQueries} from {@code <prefix>test_run}, {@code test_result} and {@code test_endpoint}, in plain
 * JDBC. A window holds the runs uploaded in it, the newest {@value #MAX_RUNS} at most: the trend of a test spans
 * those, and a page reads at most that many results per test. Coverage rows are joined to their run by its key, so
 * requests of a run that was never uploaded are not shown.
 */
@ApplicationScoped
public class JpaTestmonitorQueries implements TestmonitorQueries {

    /** The most runs of a window the pages look at, newest first. */
    static final int MAX_RUNS = 50;

    private static final String RUN = "t.id, t.run_key, t.build, t.app_version, t.started_at, t.uploaded_at, t.times, "
            + "t.tests, t.failed, t.source";
    private static final String RESULT = "r.test_name, r.outcome, r.failures, r.durations, r.median_ms, r.mean_ms, "
            + "r.message";

    private Store store;

    /** For the container's proxy. */
    protected JpaTestmonitorQueries() {
    }

    @Inject
    public JpaTestmonitorQueries(Store store) {
        this.store = store.unproxied();
    }

    @Override
    public List<TestRun> runs(TimeWindow window, int limit) {
        return store.readRows(c -> runs(c, window, Math.max(1, limit)));
    }

    @Override
    public List<TestSummary> tests(TimeWindow window) {
        return store.readRows(c -> {
            Map<String, List<TestResult>> byTest = new LinkedHashMap<>();
            for (TestResult result : results(c, window, null)) {
                byTest.computeIfAbsent(result.testName(), name -> new ArrayList<>()).add(result);
            }
            List<TestSummary> tests = new ArrayList<>(byTest.size());
            byTest.forEach((name, results) -> tests.add(summary(name, results)));
            tests.sort(Comparator.comparing(TestSummary::testName));
            return tests;
        });
    }

    /** @param results a test's results, oldest run first */
    static TestSummary summary(String name, List<TestResult> results) {
        TestResult last = results.get(results.size() - 1);
        double previous = TestTrend.median(results.subList(0, results.size() - 1).stream()
                .map(TestResult::medianMs).toList());
        return new TestSummary(name, last, results.size(), previous, TestTrend.slower(last.medianMs(),
                TestTrend.fastest(last.durationsMs()), previous));
    }

    @Override
    public List<TestResult> history(String testName, TimeWindow window) {
        return store.readRows(c -> results(c, window, testName));
    }

    @Override
    public List<TestCoverage> endpointsOf(String testName, TimeWindow window) {
        return store.readRows(c -> coverage(c, window, "te.test_name = ?", testName));
    }

    @Override
    public List<TestCoverage> testsOf(long endpointId, TimeWindow window) {
        return store.readRows(c -> coverage(c, window, "te.endpoint_id = ?", endpointId));
    }

    @Override
    public Map<Long, Integer> testsPerEndpoint(TimeWindow window) {
        return store.readRows(c -> {
            List<TestRun> runs = runs(c, window, MAX_RUNS);
            Map<Long, Integer> counts = new HashMap<>();
            if (runs.isEmpty()) {
                return counts;
            }
            try (PreparedStatement select = c.prepareStatement("SELECT te.endpoint_id, COUNT(DISTINCT te.test_name)"
                    + " FROM " + table("test_endpoint") + " te WHERE te.run_key IN ("
                    + RowConditions.marks(runs.size()) + ") GROUP BY te.endpoint_id")) {
                bindKeys(select, runs, 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getLong(1), rows.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    /** @return the newest runs uploaded in the window, newest first */
    private List<TestRun> runs(Connection c, TimeWindow window, int limit) throws SQLException {
        RowConditions where = new RowConditions().window("t.uploaded_at", null, window.on(null));
        List<TestRun> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(Schema.Dialect.of(c).firstRows("SELECT " + RUN + " FROM "
                + table("test_run") + " t WHERE " + where + " ORDER BY t.uploaded_at DESC, t.id DESC", limit))) {
            where.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                Calendar utc = RollupReads.utc();
                while (rows.next()) {
                    runs.add(run(rows, utc));
                }
            }
        }
        return runs;
    }

    /**
     * @param testName one test, or null for every test
     * @return the results of the window's runs, oldest run first
     */
    private List<TestResult> results(Connection c, TimeWindow window, String testName) throws SQLException {
        List<TestRun> runs = runs(c, window, MAX_RUNS);
        List<TestResult> results = new ArrayList<>();
        if (runs.isEmpty()) {
            return results;
        }
        Map<Long, TestRun> byId = new HashMap<>();
        runs.forEach(run -> byId.put(run.id(), run));
        try (PreparedStatement select = c.prepareStatement("SELECT r.run_id, " + RESULT + " FROM "
                + table("test_result") + " r WHERE r.run_id IN (" + RowConditions.marks(runs.size()) + ")"
                + (testName == null ? "" : " AND r.test_name = ?"))) {
            for (int i = 0; i < runs.size(); i++) {
                select.setLong(i + 1, runs.get(i).id());
            }
            if (testName != null) {
                select.setString(runs.size() + 1, testName);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(result(byId.get(rows.getLong(1)), rows, 2));
                }
            }
        }
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            order.put(runs.get(i).id(), runs.size() - i);
        }
        results.sort(Comparator.comparing((TestResult r) -> order.get(r.run().id()))
                .thenComparing(TestResult::testName));
        return results;
    }

    private List<TestCoverage> coverage(Connection c, TimeWindow window, String condition, Object value)
            throws SQLException {
        List<TestRun> runs = runs(c, window, MAX_RUNS);
        List<TestCoverage> coverage = new ArrayList<>();
        if (runs.isEmpty()) {
            return coverage;
        }
        List<Object[]> sums = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT te.test_name, te.endpoint_id, e.name, "
                + "e.http_method, e.path, SUM(te.hits), SUM(te.total_ms), COUNT(DISTINCT te.run_key) FROM "
                + table("test_endpoint") + " te JOIN " + table("endpoint") + " e ON e.id = te.endpoint_id WHERE "
                + condition + " AND te.run_key IN (" + RowConditions.marks(runs.size()) + ") GROUP BY te.test_name, "
                + "te.endpoint_id, e.name, e.http_method, e.path")) {
            select.setObject(1, value);
            bindKeys(select, runs, 2);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sums.add(new Object[] {rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getLong(6), rows.getDouble(7), rows.getInt(8)});
                }
            }
        }
        Map<String, Double> medians = latestMedians(c, runs, sums.stream().map(row -> (String) row[0]).toList());
        for (Object[] row : sums) {
            long hits = (Long) row[5];
            coverage.add(new TestCoverage((String) row[0], (Long) row[1], (String) row[2], (String) row[3],
                    (String) row[4], hits, hits == 0 ? Double.NaN : (Double) row[6] / hits, (Integer) row[7],
                    medians.getOrDefault((String) row[0], Double.NaN)));
        }
        coverage.sort(Comparator.comparingLong(TestCoverage::hits).reversed()
                .thenComparing(TestCoverage::testName).thenComparing(TestCoverage::endpointName));
        return coverage;
    }

    /** @return each test's median in the newest of the runs that has its result */
    private Map<String, Double> latestMedians(Connection c, List<TestRun> runs, Collection<String> tests)
            throws SQLException {
        Map<String, Double> medians = new HashMap<>();
        List<String> names = tests.stream().distinct().toList();
        Map<Long, Integer> age = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            age.put(runs.get(i).id(), i);
        }
        Map<String, Integer> newest = new HashMap<>();
        for (int from = 0; from < names.size(); from += 100) {
            List<String> part = names.subList(from, Math.min(names.size(), from + 100));
            try (PreparedStatement select = c.prepareStatement("SELECT r.run_id, r.test_name, r.median_ms FROM "
                    + table("test_result") + " r WHERE r.test_name IN (" + RowConditions.marks(part.size())
                    + ") AND r.run_id IN (" + RowConditions.marks(runs.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                for (int i = 0; i < runs.size(); i++) {
                    select.setLong(part.size() + i + 1, runs.get(i).id());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int runAge = age.get(rows.getLong(1));
                        String name = rows.getString(2);
                        double median = rows.getDouble(3);
                        if (rows.wasNull()) {
                            median = Double.NaN;
                        }
                        if (runAge < newest.getOrDefault(name, Integer.MAX_VALUE)) {
                            newest.put(name, runAge);
                            medians.put(name, median);
                        }
                    }
                }
            }
        }
        return medians;
    }

    private static TestRun run(ResultSet rows, Calendar utc) throws SQLException {
        return new TestRun(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                RollupReads.time(rows, 5, utc).toInstant(ZoneOffset.UTC),
                RollupReads.time(rows, 6, utc).toInstant(ZoneOffset.UTC), rows.getInt(7), rows.getInt(8),
                rows.getInt(9), rows.getString(10));
    }

    /** @return the result of the row's {@link #RESULT} columns, from the given one on */
    private static TestResult result(TestRun run, ResultSet rows, int at) throws SQLException {
        double median = rows.getDouble(at + 4);
        if (rows.wasNull()) {
            median = Double.NaN;
        }
        double mean = rows.getDouble(at + 5);
        if (rows.wasNull()) {
            mean = Double.NaN;
        }
        return new TestResult(run, rows.getString(at), rows.getString(at + 1), rows.getInt(at + 2),
                durations(rows.getString(at + 3)), median, mean, rows.getString(at + 6));
    }

    /** @return the durations as {@link StoreTestRuns} stores them, comma-separated */
    static List<Double> durations(String text) {
        return text == null || text.isEmpty() ? List.of()
                : Arrays.stream(text.split(",")).map(Double::valueOf).toList();
    }

    private static void bindKeys(PreparedStatement select, List<TestRun> runs, int first) throws SQLException {
        for (int i = 0; i < runs.size(); i++) {
            select.setString(first + i, runs.get(i).runKey());
        }
    }

    private String table(String name) {
        return store.schema().name(name);
    }

}
