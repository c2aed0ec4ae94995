package dev.fmd.store;

import java.util.Map;
import java.util.TreeMap;

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

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    /** @param durationMs a duration in milliseconds */
    public void add(double durationMs) {
        add(bucketOf(durationMs), 1);
    }

    /** @param other a histogram whose counts are added to this one */
    public void merge(DurationHistogram other) {
        other.counts.forEach(this::add);
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
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return valueOf(bucket.getKey());
            }
        }
        return valueOf(counts.lastKey());
    }

    /** @return the text form stored in the rollup table */
    public String encode() {
        StringBuilder text = new StringBuilder(counts.size() * 8);
        counts.forEach((bucket, count) -> {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(bucket).append(':').append(count);
        });
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
     *
     * @param text the stored form; null or blank adds nothing, malformed pairs are skipped
     */
    public void mergeEncoded(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            try {
                add(Integer.parseInt(pair.substring(0, colon).trim()),
                        Long.parseLong(pair.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                // a damaged pair loses only its own count
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
        if (count > 0) {
            counts.merge(bucket, count, Long::sum);
            total += count;
        }
    }
}
