package dev.fmd.ui;

import dev.fmd.query.TestRun;
import dev.fmd.query.TestSummary;

import java.util.Comparator;
import java.util.List;

/**
 * The order the Testmonitor lists tests in, what needs a look first: those flagged slower, then those failing,
 * then the slowest (by their median in their last run; tests without one last), then by name. And which tests its
 * chart shows when none is selected.
 * <pre>
 * List&lt;TestSummary&gt; rows = TestOrder.sorted(tests.tests(window));
 * List&lt;TestSummary&gt; charted = TestOrder.slowestOfRun(rows, runs.get(0), 8);
 * </pre>
 */
final class TestOrder {

    /** Flagged slower first, then failed, then slowest median (unknown last), then name. */
    static final Comparator<TestSummary> ATTENTION_FIRST = Comparator
            .comparing((TestSummary t) -> !t.slower())
            .thenComparing(t -> !failed(t))
            .thenComparing(TestOrder::median, TestOrder::slowestFirst)
            .thenComparing(TestSummary::testName);

    private TestOrder() {
    }

    /**
     * @param tests tests of a window
     * @return them in {@link #ATTENTION_FIRST} order
     */
    static List<TestSummary> sorted(List<TestSummary> tests) {
        return tests.stream().sorted(ATTENTION_FIRST).toList();
    }

    /**
     * @param tests tests of a window
     * @param run   the newest run of the window
     * @param limit how many at most
     * @return the slowest tests (by median) whose last result is of that run; when none is, the slowest of all
     */
    static List<TestSummary> slowestOfRun(List<TestSummary> tests, TestRun run, int limit) {
        List<TestSummary> ofRun = tests.stream().filter(t -> t.last().run().id() == run.id()).toList();
        return (ofRun.isEmpty() ? tests : ofRun).stream().filter(t -> !Double.isNaN(median(t)))
                .sorted(Comparator.comparing(TestOrder::median, TestOrder::slowestFirst)
                        .thenComparing(TestSummary::testName))
                .limit(limit).toList();
    }

    /** @return true when the test failed in its last run */
    static boolean failed(TestSummary test) {
        return "failed".equals(test.last().outcome());
    }

    private static double median(TestSummary test) {
        return test.last().medianMs();
    }

    /** Larger first, NaN after every number. */
    private static int slowestFirst(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        }
        return Double.compare(b, a);
    }
}
