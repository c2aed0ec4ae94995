package dev.fmd.metrics;

import java.util.concurrent.TimeUnit;

/**
 * The fixed upper bounds of {@code fmd_request_duration_seconds}: 5 ms to 10 s, as Prometheus' client libraries
 * default to, then {@code +Inf}. A duration equal to a bound falls in that bound's bucket ({@code le}, less or
 * equal). Fixed, so that histograms of every instance and every version of fmd can be summed by Prometheus.
 */
public final class DurationBuckets {

    private static final long[] BOUNDS_NANOS = {
            millis(5), millis(10), millis(25), millis(50), millis(100), millis(250), millis(500),
            millis(1_000), millis(2_500), millis(5_000), millis(10_000)};
    private static final String INFINITY = "+Inf";

    private DurationBuckets() {
    }

    /** @return how many buckets there are, {@code +Inf} included */
    public static int count() {
        return BOUNDS_NANOS.length + 1;
    }

    /**
     * @param durationNanos a request's duration
     * @return the index of the first bucket whose bound is at least the duration; {@code count() - 1} (+Inf) when
     *         it is longer than every bound
     */
    public static int indexOf(long durationNanos) {
        for (int i = 0; i < BOUNDS_NANOS.length; i++) {
            if (durationNanos <= BOUNDS_NANOS[i]) {
                return i;
            }
        }
        return BOUNDS_NANOS.length;
    }

    /**
     * @param index a bucket index
     * @return its {@code le} label value in seconds, in the canonical form of OpenMetrics ({@code 0.005},
     *         {@code 1.0}, {@code +Inf})
     */
    public static String le(int index) {
        return index == BOUNDS_NANOS.length ? INFINITY : Double.toString(BOUNDS_NANOS[index] / 1e9);
    }

    private static long millis(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
