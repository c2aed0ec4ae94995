package dev.fmd.monitor;

/**
 * How many requests of one endpoint may get something costly per second (a call tree: {@code fmd.profiler-rate}; an
 * outlier context: {@code fmd.outlier-rate}): a token bucket filled at that rate, holding twice as many, so that
 * bursts and quiet endpoints get it fully while a busy endpoint costs a bounded number per second.
 * <pre>
 * RateBudget budget = new RateBudget(10, System.nanoTime());
 * if (budget.tryTake(System.nanoTime())) {
 *     // keep this one
 * }
 * </pre>
 * Thread-safe.
 */
public final class RateBudget {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    /**
     * @param perSecond the rate, 0 for never
     * @param nowNanos  now, by {@link System#nanoTime()}: the bucket starts full
     */
    public RateBudget(double perSecond, long nowNanos) {
        this.ratePerNano = perSecond / 1e9;
        this.capacity = Math.max(1, perSecond * 2);
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** @return whether one may be had now (and takes its token) */
    public synchronized boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /**
     * Peeks without taking: {@code nanosUntilToken(now) == 0} means one may be had now.
     *
     * @return 0 when a token is there now, otherwise how long until the next one, {@link Long#MAX_VALUE} for never
     */
    public synchronized long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            return 0;
        }
        return ratePerNano > 0 ? (long) Math.ceil((1 - tokens) / ratePerNano) : Long.MAX_VALUE;
    }

    private void refill(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * ratePerNano);
        last = nowNanos;
    }
}
