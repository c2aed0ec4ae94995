package dev.fmd.query;

import java.time.Instant;

/**
 * A server instance that writes to fmd's database.
 *
 * @param name      {@code fmd.instance}
 * @param version   the application version it last ran
 * @param firstSeen when it first wrote
 * @param lastSeen  when it last said it was alive (every 30 s while its database answers)
 */
public record InstanceInfo(String name, String version, Instant firstSeen, Instant lastSeen) {
}
