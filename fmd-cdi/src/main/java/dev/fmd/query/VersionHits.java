package dev.fmd.query;

import java.time.LocalDate;

/**
 * Requests of every endpoint in one version on one day: a point of the dashboard's "requests per version" graph.
 *
 * @param day     the UTC day
 * @param version the application version
 * @param hits    requests measured
 */
public record VersionHits(LocalDate day, String version, long hits) {
}
