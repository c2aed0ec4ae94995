package dev.fmd.query;

/**
 * How a test's HTTP calls reached an endpoint, over the runs of a window.
 *
 * @param testName      the test, {@code Class#method}
 * @param endpointId    the endpoint
 * @param endpointName  its name ({@code ResourceClass.method})
 * @param httpMethod    its HTTP method
 * @param path          its path template
 * @param hits          how many requests the test made to it
 * @param meanRequestMs their mean duration, in ms
 * @param runs          in how many runs the test reached it
 * @param testMedianMs  the test's median duration in the newest run of the window that has its result, NaN when
 *                      none has
 */
public record TestCoverage(String testName, long endpointId, String endpointName, String httpMethod, String path,
                           long hits, double meanRequestMs, int runs, double testMedianMs) {
}
