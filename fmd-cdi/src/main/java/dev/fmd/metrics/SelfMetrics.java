package dev.fmd.metrics;

import dev.fmd.monitor.Following;

import java.util.List;

/**
 * fmd's own state on this instance, in a scrape.
 *
 * @param version         the {@code version} label of {@code fmd_info}: the application version being measured
 * @param instance        the {@code instance} label of {@code fmd_info}: {@code fmd.instance}
 * @param queueDepth      {@code fmd_queue_depth}: requests waiting in memory, in the queue or in the writer's hand
 * @param queueCapacity   {@code fmd_queue_capacity}: {@code fmd.queue-capacity}
 * @param dropped         {@code fmd_dropped_total}: requests dropped because the queue was full
 * @param rejected        {@code fmd_rejected_total}: requests the database refused as data
 * @param lostDetails     {@code fmd_lost_details_total}: call trees and outlier contexts lost
 * @param written         {@code fmd_written_total}: request rows written
 * @param writerLagMillis {@code fmd_writer_lag_seconds}, in ms: see {@link RequestCounters#writerLagMillis}
 * @param databaseUp      {@code fmd_database_up}: whether the database answered the writer last time
 * @param following       {@code fmd_followed_requests}, {@code fmd_expired_requests_total} and
 *                        {@code fmd_profiler_sampling}: what the outlier watch and the profiler hold for requests in
 *                        flight
 */
public record SelfMetrics(String version, String instance, long queueDepth, long queueCapacity, long dropped,
                          long rejected, long lostDetails, long written, long writerLagMillis, boolean databaseUp,
                          List<Following> following) {

    public SelfMetrics {
        following = List.copyOf(following);
    }
}
