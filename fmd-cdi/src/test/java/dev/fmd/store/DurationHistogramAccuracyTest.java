package dev.fmd.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim the dashboard's percentiles rest on: a quantile read from a {@link DurationHistogram} is within 1% of the
 * exact one (the {@code ceil(q·n)}-th smallest duration), for every quantile from 0.01 to 0.999, on distributions of
 * very different shapes, also after the text round trip of a rollup row and after merging 100 partial histograms (the
 * rows of many hours, versions and instances). The claim holds for durations of 1 µs and more: below, every duration
 * reads as 1 µs ({@link #belowOneMicrosecondEveryDurationReadsAsOneMicrosecond}).
 */
class DurationHistogramAccuracyTest {

    private static final int SIZE = 100_000;
    private static final int PARTS = 100;
    private static final double TOLERANCE = 0.01;

    static Stream<Arguments> distributions() {
        return Stream.of(
                distribution("lognormal, median 20 ms", r -> () -> 20 * Math.exp(r.nextGaussian())),
                distribution("bimodal, 5 ms and 800 ms", r -> () -> r.nextDouble() < 0.7
                        ? Math.max(0.001, 5 + 0.5 * r.nextGaussian()) : Math.max(0.001, 800 + 80 * r.nextGaussian())),
                distribution("uniform, 0.01 ms to 60 s", r -> () -> 0.01 + r.nextDouble() * (60_000 - 0.01)),
                distribution("log-uniform, 0.01 ms to 60 s", r -> () -> 0.01 * Math.pow(6_000_000, r.nextDouble())),
                distribution("heavy tail, Pareto alpha 1.1 from 1 ms",
                        r -> () -> Math.pow(1 - r.nextDouble(), -1 / 1.1)),
                distribution("uniform, 1 µs to 2 µs", r -> () -> 0.001 + r.nextDouble() * 0.001));
    }

    private static Arguments distribution(String name, Function<Random, DoubleSupplier> shape) {
        DoubleSupplier next = shape.apply(new Random(name.hashCode()));
        double[] durations = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            durations[i] = next.getAsDouble();
        }
        return Arguments.of(name, durations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void everyQuantileIsWithinOnePercent(String name, double[] durations) {
        assertWithinOnePercent(name, durations, histogramOf(durations));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void everyQuantileIsWithinOnePercentAfterTheTextRoundTrip(String name, double[] durations) {
        DurationHistogram decoded = DurationHistogram.decode(histogramOf(durations).encode());
        assertWithinOnePercent(name + ", decoded", durations, decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void everyQuantileIsWithinOnePercentAfterMerging100StoredParts(String name, double[] durations) {
        DurationHistogram merged = new DurationHistogram();
        DurationHistogram mergedEncoded = new DurationHistogram();
        for (int part = 0; part < PARTS; part++) {
            int first = part;
            String stored = histogramOf(IntStream.range(0, durations.length).filter(i -> i % PARTS == first)
                    .mapToDouble(i -> durations[i]).toArray()).encode();
            merged.merge(DurationHistogram.decode(stored));
            mergedEncoded.mergeEncoded(stored);
        }
        assertEquals(durations.length, merged.count());
        assertWithinOnePercent(name + ", merged", durations, merged);
        assertWithinOnePercent(name + ", merged from text", durations, mergedEncoded);
    }

    @Test
    void belowOneMicrosecondEveryDurationReadsAsOneMicrosecond() {
        DurationHistogram histogram = new DurationHistogram();
        for (double d : new double[] {0, 0.0001, 0.0005, 0.0009}) {
            histogram.add(d);
        }
        assertEquals(0.001, histogram.quantile(0.01), 1e-12);
        assertEquals(0.001, histogram.quantile(0.999), 1e-12, "0.9 µs reads as 1 µs: the 1% bound starts at 1 µs");
    }

    private static DurationHistogram histogramOf(double[] durations) {
        DurationHistogram histogram = new DurationHistogram();
        for (double d : durations) {
            histogram.add(d);
        }
        return histogram;
    }

    private static void assertWithinOnePercent(String name, double[] durations, DurationHistogram histogram) {
        double[] sorted = durations.clone();
        Arrays.sort(sorted);
        double worst = 0;
        for (double q : quantiles()) {
            double exact = sorted[Math.max(1, (int) Math.ceil(q * sorted.length)) - 1];
            double estimate = histogram.quantile(q);
            double error = Math.abs(estimate - exact) / exact;
            assertTrue(error <= TOLERANCE, name + ": q" + q + " reads " + estimate + " ms, exactly " + exact
                    + " ms (" + String.format("%.3f", 100 * error) + " % off)");
            worst = Math.max(worst, error);
        }
        assertTrue(worst > 0, name + ": the histogram does not just store the durations");
    }

    /** @return 0.01, 0.02, ..., 0.99, then 0.995 and 0.999 */
    private static double[] quantiles() {
        double[] qs = new double[101];
        for (int i = 1; i <= 99; i++) {
            qs[i - 1] = i / 100.0;
        }
        qs[99] = 0.995;
        qs[100] = 0.999;
        return qs;
    }
}
