package dev.fmd.query;

import java.time.Instant;

/**
 * One stored request, as the list of an endpoint's requests shows it.
 * <pre>
 * RequestPage page = requests.requests(endpointId, null, 50);
 * page.requests().forEach(r -&gt; row(r.timeRequested(), r.durationMs(), r.status(), r.exception()));
 * </pre>
 *
 * @param id            its row id
 * @param timeRequested when it started
 * @param durationMs    how long it took, in ms
 * @param version       the application version
 * @param groupBy       the group-by value, or null
 * @param ip            the client address, or null
 * @param status        the HTTP status the client got
 * @param exception     the class of the exception that escaped the endpoint, or null
 * @param instance      the server instance that served it
 */
public record RequestRow(long id, Instant timeRequested, double durationMs, String version, String groupBy, String ip,
                         int status, String exception, String instance) {
}
