package dev.fmd.query;

/**
 * Changes an endpoint's monitoring level, for the rules page and the admin API: stored, applied at once on this
 * instance and within {@code fmd.level-refresh} ms on every other instance sharing the database.
 */
public interface LevelChanges {

    /**
     * @param endpointId the endpoint's id
     * @param level      0 to 3
     * @return false when there is no such endpoint
     * @throws IllegalArgumentException when the level is not 0 to 3
     * @throws IllegalStateException    when fmd's database is not ready
     */
    boolean changeLevel(long endpointId, int level);
}
