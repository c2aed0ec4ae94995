package dev.fmd.query;

import java.util.List;

/**
 * One test's result in one run: each of its repetitions' durations.
 *
 * @param run         the run
 * @param testName    the test, {@code Class#method}
 * @param outcome     {@code passed}, {@code failed} or {@code skipped}
 * @param failures    how many of its repetitions failed
 * @param durationsMs each repetition's duration in ms, in the order they ran (empty when skipped)
 * @param medianMs    their median, NaN when none
 * @param meanMs      their mean, NaN when none
 * @param message     the first failure's message, or null
 */
public record TestResult(TestRun run, String testName, String outcome, int failures, List<Double> durationsMs,
                         double medianMs, double meanMs, String message) {

    public TestResult {
        durationsMs = List.copyOf(durationsMs);
    }
}
