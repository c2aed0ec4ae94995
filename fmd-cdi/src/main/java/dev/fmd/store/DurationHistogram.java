package dev.fmd.store;

import java.util.Arrays;

/**
 * A mergeable histogram of durations with logarithmic buckets 2% wide, so that a median or a p99 over millions of
 * requests is read from a few rollup rows instead of the raw requests, within 1% of the exact value.
 * <p>
 * Why 1%: a duration d of 1 µs or more goes to bucket {@code round(log(d / 1 µs) / log(1.02))} and is read back as
 * {@code 1 µs × 1.02^bucket}, so the value read is at most {@code sqrt(1.02) - 1} (0.995%) away from d; buckets keep
 * the order of durations, so the bucket of the exact quantile (the {@code ceil(q·n)}-th smallest duration) is the
 * one read. Below 1 µs every duration is read as 1 µs: the bound holds from 1 µs up (DurationHistogramAccuracyTest).
 * Stored as text: {@code bucket:count} pairs separated by commas, e.g. {@code "348:5,350:1"}.
 * Not thread-safe.
 */
public final class DurationHistogram {

    private static final double GROWTH = 1.02;
    private static final double LOG_GROWTH = Math.log(GROWTH);
    /** Durations are bucketed in microseconds; everything below one microsecond shares bucket 0. */
    private static final double UNIT_MS = 0.001;

    /** Buckets beyond this never come from a duration ({@code bucketOf(Double.MAX_VALUE)} is about 36,000). */
    private static final int MAX_BUCKET = 40_000;
    private static final long[] EMPTY = new long[0];

    /**
     * The count of bucket {@code offset + i} at {@code counts[i]}: a dense array over the buckets seen so far (a few
     * hundred at most for one endpoint), so that adding a duration is an index and an increment rather than a
     * search tree's boxing and rebalancing (the writer adds every request to four histograms).
     */
    private long[] counts = EMPTY;
    private int offset;
    private long total;

    /** @param durationMs a duration in milliseconds */
    public void add(double durationMs) {
        add(bucketOf(durationMs), 1);
    }

    /** @param other a histogram whose counts are added to this one */
    public void merge(DurationHistogram other) {
        for (int i = 0; i < other.counts.length; i++) {
            add(other.offset + i, other.counts[i]);
        }
    }

    /** @return the number of durations recorded */
    public long count() {
        return total;
    }

    /**
     * @param q a quantile from 0 to 1, e.g. 0.5 for the median
     * @return the estimated duration in milliseconds at that quantile, or NaN when empty
     */
    public double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        int last = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                seen += counts[i];
                last = offset + i;
                if (seen >= rank) {
                    return valueOf(last);
                }
            }
        }
        return valueOf(last);
    }

    /**
     * Several quantiles in one pass over the buckets (a box plot wants seven, for each of thousands of cells).
     *
     * @param qs quantiles from 0 to 1, in ascending order
     * @return {@code quantile(q)} for each, in the same order
     * @throws IllegalArgumentException when they are not in ascending order
     */
    public double[] quantiles(double... qs) {
        double[] values = new double[qs.length];
        for (int i = 1; i < qs.length; i++) {
            if (qs[i] < qs[i - 1]) {
                throw new IllegalArgumentException("quantiles not in ascending order: " + Arrays.toString(qs));
            }
        }
        if (total == 0) {
            Arrays.fill(values, Double.NaN);
            return values;
        }
        int next = 0;
        long seen = 0;
        int last = 0;
        for (int i = 0; i < counts.length && next < qs.length; i++) {
            if (counts[i] > 0) {
                seen += counts[i];
                last = offset + i;
                while (next < qs.length && seen >= Math.max(1, (long) Math.ceil(qs[next] * total))) {
                    values[next++] = valueOf(last);
                }
            }
        }
        while (next < qs.length) {
            values[next++] = valueOf(last);
        }
        return values;
    }

    /** @return the text form stored in the rollup table */
    public String encode() {
        StringBuilder text = new StringBuilder(64);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(offset + i).append(':').append(counts[i]);
            }
        }
        return text.toString();
    }

    /**
     * @param text the stored form; null or blank is an empty histogram, malformed pairs are skipped
     * @return the histogram
     */
    public static DurationHistogram decode(String text) {
        DurationHistogram histogram = new DurationHistogram();
        histogram.mergeEncoded(text);
        return histogram;
    }

    /**
     * Adds the counts of a stored histogram to this one, as {@code merge(decode(text))} does without the copy.
     * <p>
     * One pass over the characters, no substring and no second scan (a 90-day page decodes millions of pairs): each
     * {@code bucket:count} pair is two runs of at most 18 digits, blanks allowed around each; a pair that is anything
     * else (a letter, a missing or second colon, blanks inside a number, a bucket beyond {@code int}) loses only its
     * own count.
     *
     * @param text the stored form; null or blank adds nothing
     */
    public void mergeEncoded(String text) {
        if (text == null) {
            return;
        }
        int length = text.length();
        long bucket = -1;     // the pair's bucket once its colon is read, else -1
        long value = 0;       // the number being read
        int digits = 0;       // its digits so far
        boolean ended = false; // blanks came after its digits
        boolean damaged = false;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ',';
            if (c >= '0' && c <= '9') {
                damaged |= ended;
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == ',') {
                if (!damaged && bucket >= 0 && digits > 0 && digits <= 18) {
                    add((int) bucket, value);
                }
                bucket = -1;
                value = 0;
                digits = 0;
                ended = false;
                damaged = false;
            } else if (c == ':') {
                damaged |= bucket >= 0 || digits == 0 || digits > 18 || value > Integer.MAX_VALUE;
                bucket = value;
                value = 0;
                digits = 0;
                ended = false;
            } else if (Character.isWhitespace(c)) {
                ended = digits > 0;
            } else {
                damaged = true;
            }
        }
    }

    static int bucketOf(double durationMs) {
        double units = durationMs / UNIT_MS;
        return units <= 1 ? 0 : (int) Math.round(Math.log(units) / LOG_GROWTH);
    }

    static double valueOf(int bucket) {
        return bucket == 0 ? UNIT_MS : Math.exp(bucket * LOG_GROWTH) * UNIT_MS;
    }

    private void add(int bucket, long count) {
        if (count <= 0 || bucket < 0 || bucket > MAX_BUCKET) {
            return; // only a damaged stored pair can be out of range: it loses its own count
        }
        if (counts.length == 0) {
            counts = new long[16];
            offset = Math.max(0, bucket - 8);
        } else if (bucket < offset || bucket >= offset + counts.length) {
            grow(bucket);
        }
        counts[bucket - offset] += count;
        total += count;
    }

    /** Widens the array to cover the bucket, with room for as many more on that side. */
    private void grow(int bucket) {
        int from = offset;
        int to = offset + counts.length;
        int room = Math.max(16, counts.length / 2);
        if (bucket < from) {
            from = Math.max(0, bucket - room);
        } else {
            to = Math.min(MAX_BUCKET + 1, bucket + 1 + room);
        }
        long[] wider = new long[to - from];
        System.arraycopy(counts, 0, wider, offset - from, counts.length);
        counts = wider;
        offset = from;
    }
}
