package dev.fmd.query;

import java.util.Arrays;
import java.util.List;

/**
 * When a test is flagged as getting slower: in the newest run its median is at least {@link #RATIO} times the median
 * of its medians in the runs before, and at least {@link #MIN_DIFFERENCE_MS} more (so that a 1 ms test going to
 * 1.3 ms is not flagged), and even its fastest repetition took longer than that earlier median. Medians of several
 * repetitions, the median over earlier runs and the fastest repetition keep one slow run of a noisy CI machine, or a
 * test whose duration varies by nature, from flagging it (with five repetitions, all five above the earlier median
 * happens by chance about once in 32 runs, and then the ratio must hold too), while a real slowdown shows in the first
 * run after it.
 * <pre>
 * double before = TestTrend.median(List.of(10.0, 11.0, 12.0));   // 11.0
 * boolean flagged = TestTrend.slower(15.0, 14.0, before);        // true: 36% and 4 ms more, fastest 14 ms
 * </pre>
 */
public final class TestTrend {

    /** how many times the earlier median the newest must be */
    public static final double RATIO = 1.2;
    /** how many ms more than the earlier median the newest must be */
    public static final double MIN_DIFFERENCE_MS = 1.0;

    private TestTrend() {
    }

    /**
     * @param lastMedianMs     the median in the newest run, NaN when it has no duration
     * @param lastFastestMs    the fastest repetition in the newest run, NaN when it has no duration
     * @param previousMedianMs the median of the earlier runs' medians, NaN when there is none
     * @return whether the newest is flagged slower
     */
    public static boolean slower(double lastMedianMs, double lastFastestMs, double previousMedianMs) {
        return !Double.isNaN(lastMedianMs) && !Double.isNaN(previousMedianMs)
                && lastMedianMs >= previousMedianMs * RATIO
                && lastMedianMs - previousMedianMs >= MIN_DIFFERENCE_MS
                && lastFastestMs > previousMedianMs;
    }

    /**
     * @param values numbers
     * @return the smallest, NaN when there is none
     */
    public static double fastest(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /**
     * @param values numbers, NaN ignored
     * @return their median (the mean of the two middle ones when even), NaN when there is none
     */
    public static double median(List<Double> values) {
        double[] sorted = values.stream().filter(v -> v != null && !Double.isNaN(v))
                .mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * @param values numbers
     * @return their mean, NaN when there is none
     */
    public static double mean(List<Double> values) {
        return values.isEmpty() ? Double.NaN
                : Arrays.stream(values.stream().mapToDouble(Double::doubleValue).toArray()).average().orElse(Double.NaN);
    }
}
