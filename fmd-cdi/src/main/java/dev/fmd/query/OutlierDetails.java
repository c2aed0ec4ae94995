package dev.fmd.query;

/**
 * An outlier with what was going on during it, as its detail view shows it. Every text is stored redacted
 * ({@code fmd.redact}) and capped ({@code fmd.outlier-max-field}); pages must still escape it.
 *
 * @param summary       the outlier as lists show it
 * @param stackTrace    where it was stuck, innermost frame first, down to the endpoint method
 * @param cpuPercent    process CPU load when it ended, 0 to 100, or -1 when unknown
 * @param heapUsed      heap bytes used
 * @param heapCommitted heap bytes committed
 * @param url           the URL without query
 * @param queryParams   the query parameters, one {@code name=value} a line
 * @param formParams    the form parameters, one {@code name=value} a line
 * @param headers       the headers, one {@code Name: value} a line
 * @param environment   the request environment, one {@code name: value} a line
 */
public record OutlierDetails(OutlierSummary summary, String stackTrace, double cpuPercent, long heapUsed,
                             long heapCommitted, String url, String queryParams, String formParams, String headers,
                             String environment) {
}
