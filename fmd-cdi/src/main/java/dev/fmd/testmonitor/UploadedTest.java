package dev.fmd.testmonitor;

import java.util.List;

/**
 * One test of an uploaded run, validated.
 *
 * @param name        the test, {@code Class#method}
 * @param outcome     {@code passed}, {@code failed} or {@code skipped}
 * @param durationsMs each repetition's duration in ms, in the order they ran
 * @param failures    how many repetitions failed
 * @param message     the first failure's message (at most {@value TestRunUpload#MAX_MESSAGE} characters), or null
 */
public record UploadedTest(String name, String outcome, List<Double> durationsMs, int failures, String message) {

    public UploadedTest {
        durationsMs = List.copyOf(durationsMs);
    }
}
