package dev.fmd.query;

import java.time.Instant;

/**
 * An outlier as the dashboard shows it.
 *
 * @param id            the outlier row's id
 * @param requestId     the request's id
 * @param timeRequested when the request started
 * @param stackTrace    where it was stuck, innermost frame first, down to the endpoint method
 * @param cpuPercent    process CPU load when it ended, or -1
 * @param heapUsed      heap bytes used
 * @param heapCommitted heap bytes committed
 * @param url           the URL without query
 * @param queryParams   the query parameters, redacted
 * @param formParams    the form parameters, redacted
 * @param headers       the headers, redacted
 * @param environment   the request environment
 */
public record OutlierDetails(long id, long requestId, Instant timeRequested, String stackTrace, double cpuPercent,
                             long heapUsed, long heapCommitted, String url, String queryParams, String formParams,
                             String headers, String environment) {
}
