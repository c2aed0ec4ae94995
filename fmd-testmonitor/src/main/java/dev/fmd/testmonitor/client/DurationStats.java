package dev.fmd.testmonitor.client;

import java.util.List;
import java.util.Optional;

/** Median, mean, minimum and maximum of a test's run durations, in milliseconds. */
record DurationStats(double median, double mean, double min, double max) {

    /** The statistics of {@code durationsMs}; empty when there is no duration. */
    static Optional<DurationStats> of(List<Double> durationsMs) {
        if (durationsMs.isEmpty()) {
            return Optional.empty();
        }
        double[] sorted = durationsMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double sum = 0;
        for (double d : sorted) {
            sum += d;
        }
        return Optional.of(new DurationStats(median, sum / n, sorted[0], sorted[n - 1]));
    }
}
