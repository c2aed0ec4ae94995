package dev.fmd.query;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard header and {@code /fmd/metrics} say about fmd itself on this instance.
 *
 * @param appVersion      the version being measured
 * @param instance        this instance's name
 * @param database        whether fmd's database answers
 * @param databaseSince   since when it is in that state
 * @param databaseProblem what the database last answered when unreachable, else null
 * @param queued          measurements waiting in memory to be written
 * @param queueCapacity   {@code fmd.queue-capacity}
 * @param dropped         measurements dropped since start because the queue was full
 * @param rejected        measurements the database refused as data (each alone), dropped
 * @param lostDetails     call trees, outlier contexts and tests' requests (Testmonitor coverage) dropped (their
 *                        queue was full, their request never stored, or too many waited for the database)
 * @param written         measurements written since start
 * @param instances       every instance writing to the database, as last seen; empty until it answers
 */
public record DashboardStatus(String appVersion, String instance, DatabaseState database, Instant databaseSince,
                              String databaseProblem, int queued, int queueCapacity, long dropped, long rejected,
                              long lostDetails, long written, List<InstanceInfo> instances) {

    /** @return everything lost since start: dropped, rejected, and lost details */
    public long lost() {
        return dropped + rejected + lostDetails;
    }
}
