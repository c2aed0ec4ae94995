package dev.fmd.metrics;

import java.util.Arrays;

/**
 * What one endpoint served since the application started, as {@code /fmd/metrics} shows it: requests per
 * {@link StatusClass} and the histogram of their durations over the {@link DurationBuckets}. Immutable: the writer
 * thread publishes a new one after each batch, so a scrape always sees counts, buckets and sum that agree.
 */
public final class EndpointCounts {

    /** No request yet. */
    public static final EndpointCounts NONE = new EndpointCounts(new long[StatusClass.values().length],
            new long[DurationBuckets.count()], 0);

    private final long[] byStatusClass;
    private final long[] byBucket;
    private final long sumNanos;

    private EndpointCounts(long[] byStatusClass, long[] byBucket, long sumNanos) {
        this.byStatusClass = byStatusClass;
        this.byBucket = byBucket;
        this.sumNanos = sumNanos;
    }

    /** @return a tally starting from these counts */
    Tally tally() {
        return new Tally(this);
    }

    /** @return the requests whose status was of this class */
    public long requests(StatusClass statusClass) {
        return byStatusClass[statusClass.ordinal()];
    }

    /** @return every request counted */
    public long count() {
        return Arrays.stream(byStatusClass).sum();
    }

    /**
     * @param index a bucket index, see {@link DurationBuckets}
     * @return the requests that took at most that bucket's bound (cumulative, as Prometheus histograms are);
     *         the last bucket's equals {@link #count()}
     */
    public long cumulativeBucket(int index) {
        long sum = 0;
        for (int i = 0; i <= index; i++) {
            sum += byBucket[i];
        }
        return sum;
    }

    /** @return the durations of every request counted, added up */
    public long sumNanos() {
        return sumNanos;
    }

    /**
     * Counts of one endpoint being added to by the writer thread, starting from a copy of the published ones;
     * {@link #counts()} ends it.
     */
    static final class Tally {

        private final long[] byStatusClass;
        private final long[] byBucket;
        private long sumNanos;

        private Tally(EndpointCounts from) {
            byStatusClass = from.byStatusClass.clone();
            byBucket = from.byBucket.clone();
            sumNanos = from.sumNanos;
        }

        /**
         * @param status        the HTTP status of a request
         * @param durationNanos its duration
         */
        void add(int status, long durationNanos) {
            byStatusClass[StatusClass.of(status).ordinal()]++;
            byBucket[DurationBuckets.indexOf(durationNanos)]++;
            sumNanos += durationNanos;
        }

        /** @return the counts so far, immutable: the tally hands them over and must not be added to afterwards */
        EndpointCounts counts() {
            return new EndpointCounts(byStatusClass, byBucket, sumNanos);
        }
    }
}
