package dev.fmd.query;

import java.time.Instant;

/**
 * A request whose call tree was stored.
 *
 * @param requestId     its id
 * @param endpointId    its endpoint
 * @param timeRequested when it started
 * @param durationMs    how long it took, in ms
 * @param version       the app version that served it
 * @param groupBy       its user or group ({@code fmd.group-by}), or null
 * @param status        the HTTP status the client got
 * @param outlierId     the id of its outlier row when it was also an outlier, else null
 */
public record ProfiledRequest(long requestId, long endpointId, Instant timeRequested, double durationMs,
                              String version, String groupBy, int status, Long outlierId) {
}
