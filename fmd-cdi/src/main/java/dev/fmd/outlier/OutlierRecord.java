package dev.fmd.outlier;

import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestHandle;

/**
 * What was going on during an outlier request, redacted and size-capped, ready to be stored.
 *
 * @param request        the request
 * @param averageMs      its endpoint's running average on this instance when it started, in ms (its threshold
 *                       divided by {@code fmd.outlier-detection-constant})
 * @param stackTrace     the stack of the request's thread while it ran past its threshold, endpoint method last
 * @param cpuPercent     the process CPU load at the end of the request, 0 to 100, or -1 when unknown
 * @param heapUsed       heap bytes used
 * @param heapCommitted  heap bytes committed
 * @param url            the request URL, without the query
 * @param queryParams    the query parameters, one {@code name=value} a line
 * @param formParams     the form parameters of a form post, one {@code name=value} a line
 * @param headers        the request headers, one {@code Name: value} a line
 * @param environment    server name and port, scheme, remote address, user agent, content type and length, locale
 */
public record OutlierRecord(RequestHandle request, double averageMs, String stackTrace, double cpuPercent, long heapUsed,
                            long heapCommitted, String url, String queryParams, String formParams, String headers,
                            String environment) implements RequestAttachment {
}
