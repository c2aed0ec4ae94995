package dev.fmd.query;

import java.time.Instant;

/**
 * An app version with profiled requests of an endpoint, for the grouped profiler's version selector.
 *
 * @param version  the app version
 * @param requests how many of its requests in the window were profiled
 * @param first    the start of the first of them
 * @param last     the start of the last of them
 */
public record ProfiledVersion(String version, long requests, Instant first, Instant last) {
}
