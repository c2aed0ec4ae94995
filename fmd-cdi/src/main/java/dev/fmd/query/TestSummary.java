package dev.fmd.query;

/**
 * One test as the Testmonitor lists it.
 *
 * @param testName         the test, {@code Class#method}
 * @param last             its result in the newest run of the window that has it
 * @param runs             how many runs of the window have it
 * @param previousMedianMs the median of its medians in the runs of the window before {@code last}, NaN when none
 * @param slower           whether {@code last} is flagged slower than before: see {@link TestTrend#slower}
 */
public record TestSummary(String testName, TestResult last, int runs, double previousMedianMs, boolean slower) {
}
