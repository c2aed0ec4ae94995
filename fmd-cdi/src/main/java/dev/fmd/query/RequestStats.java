package dev.fmd.query;

/**
 * What a group of requests adds up to, as every graph of the dashboard shows it: counts, the mean, and the
 * percentiles a box plot draws (from the rollups' histograms: within 1% of the exact value, for durations of 1 µs and
 * more).
 * <pre>
 * RequestStats s = queries.endpoints(window).get(0).stats();
 * box(s.p5Ms(), s.p25Ms(), s.medianMs(), s.p75Ms(), s.p95Ms());   // whiskers at p5 and p95
 * </pre>
 *
 * @param hits         requests
 * @param clientErrors 4xx answers among them
 * @param serverErrors 5xx answers among them
 * @param meanMs       the mean duration in ms (exact), or NaN without requests
 * @param p5Ms         5th percentile in ms, or NaN without requests
 * @param p25Ms        25th percentile (first quartile)
 * @param medianMs     median
 * @param p75Ms        75th percentile (third quartile)
 * @param p90Ms        90th percentile
 * @param p95Ms        95th percentile
 * @param p99Ms        99th percentile
 */
public record RequestStats(long hits, long clientErrors, long serverErrors, double meanMs, double p5Ms, double p25Ms,
                           double medianMs, double p75Ms, double p90Ms, double p95Ms, double p99Ms) {
}
