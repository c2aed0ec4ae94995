package dev.fmd.query;

import java.util.List;
import java.util.Map;

/**
 * The Testmonitor's reads: the test runs a CI pipeline uploaded ({@code POST /fmd/api/test-runs}), each test's
 * results run by run, and which endpoints each test hit (the requests its HTTP calls made, tagged with its name).
 * A run belongs to a window when it was uploaded in it; the window's instance does not narrow test runs.
 * <pre>
 * &#64;Inject TestmonitorQueries tests;
 * List&lt;TestSummary&gt; all = tests.tests(window);                   // every test, its last result, slower or not
 * List&lt;TestResult&gt; trend = tests.history("com.acme.OrderIT#placesOrder", window);
 * List&lt;TestCoverage&gt; covering = tests.testsOf(endpointId, window); // which tests hit this endpoint
 * </pre>
 * Every method throws {@link IllegalStateException} when fmd's database is not ready.
 */
public interface TestmonitorQueries {

    /**
     * @param window the time window (runs uploaded in it)
     * @param limit  how many at most
     * @return the runs, newest first
     */
    List<TestRun> runs(TimeWindow window, int limit);

    /**
     * @param window the time window
     * @return every test of the runs in the window, by name, each with its result in the newest run that has it and
     *         its median over the runs before (see {@link TestSummary#slower()})
     */
    List<TestSummary> tests(TimeWindow window);

    /**
     * @param testName a test's name, {@code Class#method}
     * @param window   the time window
     * @return its result in each run of the window that has it, oldest run first
     */
    List<TestResult> history(String testName, TimeWindow window);

    /**
     * @param testName a test's name
     * @param window   the time window
     * @return the endpoints its HTTP calls reached in the runs of the window, most hits first
     */
    List<TestCoverage> endpointsOf(String testName, TimeWindow window);

    /**
     * @param endpointId an endpoint
     * @param window     the time window
     * @return the tests whose HTTP calls reached it in the runs of the window, most hits first
     */
    List<TestCoverage> testsOf(long endpointId, TimeWindow window);

    /**
     * @param window the time window
     * @return for each endpoint some test reached in the runs of the window, how many tests did; an endpoint that is
     *         missing is covered by no test. Empty when no run was uploaded in the window.
     */
    Map<Long, Integer> testsPerEndpoint(TimeWindow window);
}
