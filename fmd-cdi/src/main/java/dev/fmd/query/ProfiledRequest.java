package dev.fmd.query;

import java.time.Instant;

/**
 * A request whose call tree was stored.
 *
 * @param requestId     its id
 * @param timeRequested when it started
 * @param durationMs    how long it took
 */
public record ProfiledRequest(long requestId, Instant timeRequested, double durationMs) {
}
