package dev.fmd.testmonitor.client;

import java.util.List;

/**
 * One test of a run: its name ({@code Class#method}), outcome, the durations of its measured runs in milliseconds,
 * how many of those runs failed and the first failure's message. {@code notes} explain anything unusual (why it ran
 * once, runs left out) for the printed summary; they are not uploaded.
 */
record TestReport(String name, Outcome outcome, List<Double> durationsMs, int failures, String message,
                  List<String> notes) {

    TestReport {
        durationsMs = List.copyOf(durationsMs);
        notes = List.copyOf(notes);
    }

    /** Median, mean, minimum and maximum of the durations; absent when the test has no measured run. */
    java.util.Optional<DurationStats> stats() {
        return DurationStats.of(durationsMs);
    }
}
