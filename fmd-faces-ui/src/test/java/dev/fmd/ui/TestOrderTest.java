package dev.fmd.ui;

import dev.fmd.query.TestResult;
import dev.fmd.query.TestRun;
import dev.fmd.query.TestSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tests that need a look come first; the chart's default tests are the slowest of the newest run. */
class TestOrderTest {

    static final TestRun OLD = run(1, "10", "2026-12-01T10:00:00Z");
    static final TestRun NEW = run(2, "11", "2026-12-02T10:00:00Z");

    @Test
    void slowerFirstThenFailingThenSlowestThenByName() {
        List<TestSummary> tests = List.of(
                test("a.T#fastPassing", NEW, "passed", 1),
                test("a.T#skipped", NEW, "skipped", Double.NaN),
                test("a.T#slowPassing", NEW, "passed", 90),
                test("a.T#failing", NEW, "failed", 5),
                slower(test("a.T#slower", NEW, "passed", 20)),
                test("a.T#alsoSlow", NEW, "passed", 90),
                slower(test("a.T#slowerAndSlowest", NEW, "passed", 200)));
        assertEquals(List.of("a.T#slowerAndSlowest", "a.T#slower", "a.T#failing", "a.T#alsoSlow", "a.T#slowPassing",
                "a.T#fastPassing", "a.T#skipped"), names(TestOrder.sorted(tests)));
    }

    @Test
    void theChartShowsTheSlowestTestsOfTheNewestRun() {
        List<TestSummary> tests = List.of(
                test("a.T#gone", OLD, "passed", 500),
                test("a.T#one", NEW, "passed", 1),
                test("a.T#three", NEW, "passed", 3),
                test("a.T#skipped", NEW, "skipped", Double.NaN),
                test("a.T#two", NEW, "passed", 2));
        assertEquals(List.of("a.T#three", "a.T#two"), names(TestOrder.slowestOfRun(tests, NEW, 2)),
                "a test not in the newest run is left out, however slow");
        assertEquals(List.of("a.T#three", "a.T#two", "a.T#one"), names(TestOrder.slowestOfRun(tests, NEW, 8)),
                "a test without duration is not drawn");
        assertEquals(List.of("a.T#gone"), names(TestOrder.slowestOfRun(tests.subList(0, 1), NEW, 8)),
                "no test in the newest run: the slowest of all");
    }

    static TestRun run(long id, String build, String uploaded) {
        Instant at = Instant.parse(uploaded);
        return new TestRun(id, "key-" + id, build, "1." + id, at.minusSeconds(60), at, 5, 3, 0, "junit5");
    }

    static TestSummary test(String name, TestRun run, String outcome, double median) {
        List<Double> durations = Double.isNaN(median) ? List.of() : List.of(median);
        return new TestSummary(name, new TestResult(run, name, outcome, outcome.equals("failed") ? 1 : 0, durations,
                median, median, null), 1, Double.NaN, false);
    }

    private static TestSummary slower(TestSummary t) {
        return new TestSummary(t.testName(), t.last(), 2, t.last().medianMs() / 2, true);
    }

    private static List<String> names(List<TestSummary> tests) {
        return tests.stream().map(TestSummary::testName).toList();
    }
}
