package dev.fmd.ui;

import dev.fmd.config.FmdConfig;
import dev.fmd.query.TestCoverage;
import dev.fmd.query.TestResult;
import dev.fmd.query.TestRun;
import dev.fmd.query.TestSummary;
import dev.fmd.query.TestmonitorQueries;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the Testmonitor ({@code testmonitor.xhtml}): the test runs uploaded in the window, newest first; every test
 * of them, flagged slower or failing first ({@link TestOrder}); a chart of the median per run of the selected test
 * ({@code ?test=Class%23method}), or else of the slowest tests of the newest run; and the endpoints the selected
 * test reached. Reads only: a guest sees all of it.
 */
@Named("fmdTests")
@RequestScoped
public class TestmonitorPage {

    /** How many of the newest runs the page lists. */
    static final int RUNS = 50;
    /** How many tests the chart shows when none is selected. */
    static final int CHARTED = 8;

    @Inject
    DashboardView view;

    @Inject
    Instance<FmdConfig> config;

    @Inject
    TestmonitorQueries queries;

    private List<TestRun> runs = List.of();
    private List<TestSummary> tests = List.of();
    private TestSummary selected;
    private List<TestCoverage> endpoints = List.of();
    private List<TestResult> history = List.of();
    private List<String> charted = List.of();
    private String chart;

    @PostConstruct
    void load() {
        if (!view.isDatabaseUp()) {
            return;
        }
        var window = view.getWindow();
        runs = orEmpty(view.read("the test runs", () -> queries.runs(window, RUNS)));
        if (runs.isEmpty()) {
            return;
        }
        tests = TestOrder.sorted(orEmpty(view.read("the tests", () -> queries.tests(window))));
        String name = getSelectedName();
        Map<String, List<TestResult>> histories = new LinkedHashMap<>();
        if (name != null) {
            selected = tests.stream().filter(t -> t.testName().equals(name)).findFirst().orElse(null);
            if (selected != null) {
                List<TestResult> oldestFirst = orEmpty(view.read("the test's history",
                        () -> queries.history(name, window)));
                histories.put(name, oldestFirst);
                history = new java.util.ArrayList<>(oldestFirst);
                java.util.Collections.reverse(history);
                endpoints = orEmpty(view.read("the test's endpoints", () -> queries.endpointsOf(name, window)));
            }
        } else {
            for (TestSummary t : TestOrder.slowestOfRun(tests, runs.get(0), CHARTED)) {
                histories.put(t.testName(), orEmpty(view.read("the tests' history",
                        () -> queries.history(t.testName(), window))));
            }
        }
        charted = List.copyOf(histories.keySet());
        chart = TestTrendChart.json(histories, this::label);
    }

    private static <T> List<T> orEmpty(List<T> read) {
        return read == null ? List.of() : read;
    }

    /** @return the runs uploaded in the window, newest first, at most {@value #RUNS} */
    public List<TestRun> getRuns() {
        return runs;
    }

    /** @return how many runs the page lists at most */
    public int getRunLimit() {
        return RUNS;
    }

    /** @return every test of the window's runs, flagged slower first, then failing, then slowest */
    public List<TestSummary> getTests() {
        return tests;
    }

    /** @return how many tests are flagged slower */
    public long getSlowerCount() {
        return tests.stream().filter(TestSummary::slower).count();
    }

    /** @return how many tests failed in their last run */
    public long getFailedCount() {
        return tests.stream().filter(TestOrder::failed).count();
    }

    /** @return the test asked for ({@code test}), or null */
    public String getSelectedName() {
        return view.parameter("test");
    }

    /** @return the selected test, or null when none is asked for or the window's runs do not have it */
    public TestSummary getSelected() {
        return selected;
    }

    /** @return true when a test was asked for that no run of the window has */
    public boolean isUnknownTest() {
        return selected == null && getSelectedName() != null && !runs.isEmpty();
    }

    /** @return the selected test's result in each run of the window that has it, newest run first */
    public List<TestResult> getHistory() {
        return history;
    }

    /** @return the endpoints the selected test reached, most hits first */
    public List<TestCoverage> getEndpoints() {
        return endpoints;
    }

    /** @return the full names of the tests on the chart */
    public List<String> getCharted() {
        return charted;
    }

    /** @return the trend chart's JSON, or null when there is nothing to draw */
    public String getChart() {
        return chart;
    }

    /**
     * @param run a run
     * @return its build number ({@code #1234}), or else its start time in the page's zone
     */
    public String label(TestRun run) {
        return run.build() != null && !run.build().isEmpty() ? run.label() : view.time(run.startedAt());
    }

    /**
     * @param testName a test
     * @return the address of this page with that test selected, in this window
     */
    public String link(String testName) {
        return link(view, testName);
    }

    /**
     * @param view     the page's common state
     * @param testName a test
     * @return the address of the Testmonitor with that test selected, in the page's window
     */
    static String link(DashboardView view, String testName) {
        return view.link("testmonitor.xhtml?test=" + URLEncoder.encode(testName, StandardCharsets.UTF_8))
                + "#selected";
    }

    /**
     * @param testName a test's full name
     * @return its short form, {@code OrderIT#placesOrder}
     */
    public String simple(String testName) {
        return TestNames.simple(testName);
    }

    /**
     * @param result a test's result in a run
     * @return its repetitions' durations, e.g. {@code 12.5 · 11.0 · 10.9}
     */
    public String durations(TestResult result) {
        return TestNames.durations(result.durationsMs(), view::duration, TestNames.SHOWN_DURATIONS);
    }

    /**
     * @param result a test's result in a run
     * @return all its repetitions' durations in ms, for the cell's title
     */
    public String allDurations(TestResult result) {
        return TestNames.durations(result.durationsMs(), view::duration, Integer.MAX_VALUE) + " ms";
    }

    /**
     * @param test a test flagged slower
     * @return how much slower its last median is than before, e.g. {@code +36 %}
     */
    public String slowdown(TestSummary test) {
        double before = test.previousMedianMs();
        return Double.isNaN(before) || before <= 0 ? "" : "+" + NumberText.fixed(
                (test.last().medianMs() / before - 1) * 100, 0, true) + " %";
    }

    /** @return true when this server takes uploads: {@code fmd.testmonitor-token} is set */
    public boolean isUploadsOn() {
        return config.isResolvable() && !config.get().testmonitorToken().isEmpty();
    }

    /** @return the address a CI pipeline uploads its runs to, e.g. {@code http://host:8080/shop/fmd} */
    public String getDashboardUrl() {
        return view.getDashboardUrl();
    }
}
