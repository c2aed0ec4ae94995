package dev.fmd.testmonitor;

import dev.fmd.monitor.Endpoint;

/**
 * One request a test made, as handed from the request thread to the writer, which adds it up per run, test and
 * endpoint into {@code <prefix>test_endpoint}.
 *
 * @param tag           the test and run it came from
 * @param endpoint      the endpoint it reached
 * @param epochMillis   when it started
 * @param durationNanos how long until its response was complete
 */
public record TestHit(TestTag tag, Endpoint endpoint, long epochMillis, long durationNanos) {
}
