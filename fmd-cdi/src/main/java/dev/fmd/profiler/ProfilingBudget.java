package dev.fmd.profiler;

/**
 * How many requests of one endpoint may be profiled: a token bucket filled at {@code fmd.profiler-rate} per second,
 * holding twice that, so that bursts and quiet endpoints are profiled fully while a busy endpoint costs a bounded
 * number of trees per second.
 */
final class ProfilingBudget {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    ProfilingBudget(double perSecond, long nowNanos) {
        this.ratePerNano = perSecond / 1e9;
        this.capacity = Math.max(1, perSecond * 2);
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** @return whether a request starting now may be profiled (and takes its token) */
    synchronized boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /**
     * Peeks without taking: {@code nanosUntilToken(now) == 0} means a request starting now may be profiled.
     *
     * @return 0 when a token is there now, otherwise how long until the next one, {@link Long#MAX_VALUE} for never
     */
    synchronized long nanosUntilToken(long nowNanos) {
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
