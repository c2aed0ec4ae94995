package dev.fmd.profiler;

import dev.fmd.monitor.RateBudget;

/**
 * The profiler's per-endpoint budget ({@code fmd.profiler-rate}) on a clock of the caller's choosing, so that the data
 * generator profiles exactly the requests that the profiler would have at that traffic.
 */
public final class SyntheticBudget {

    private final RateBudget budget;

    /**
     * @param perSecond {@code fmd.profiler-rate}
     * @param nowNanos  the clock's start
     */
    public SyntheticBudget(double perSecond, long nowNanos) {
        budget = new RateBudget(perSecond, nowNanos);
    }

    /** @return whether a request starting at {@code nowNanos} would be profiled */
    public boolean tryTake(long nowNanos) {
        return budget.tryTake(nowNanos);
    }
}
