package dev.fmd.query;

import java.time.Instant;

/**
 * One point of a time series of an endpoint: its requests in one version during one hour or one UTC day.
 * <pre>
 * for (SeriesPoint p : performance.hourly(endpointId, window)) {
 *     line(p.version()).add(p.start(), p.stats().medianMs());
 * }
 * </pre>
 *
 * @param start   the start of the hour or day (UTC)
 * @param version the application version
 * @param stats   the figures of the endpoint's requests in that version and hour or day
 */
public record SeriesPoint(Instant start, String version, RequestStats stats) {
}
