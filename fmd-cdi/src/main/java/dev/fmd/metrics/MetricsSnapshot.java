package dev.fmd.metrics;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Following;
import dev.fmd.query.DashboardStatus;
import dev.fmd.query.DatabaseState;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one scrape of {@code /fmd/metrics} shows, taken at once and rendered by {@link MetricsText}.
 *
 * @param endpoints every endpoint of the application, requested or not, in the order they are shown
 * @param self      fmd's own state
 */
public record MetricsSnapshot(List<EndpointMetrics> endpoints, SelfMetrics self) {

    public MetricsSnapshot {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * @param endpoints every endpoint of the application
     * @param counters  what each served, as the writer counted it
     * @param status    fmd's state on this instance
     * @param nowMillis the current time, for the writer's lag
     * @param following what the observers hold for requests in flight
     * @return the snapshot, endpoints sorted by name, HTTP method and route
     */
    public static MetricsSnapshot of(Collection<Endpoint> endpoints, RequestCounters counters, DashboardStatus status,
                                     long nowMillis, List<Following> following) {
        List<EndpointMetrics> shown = endpoints.stream()
                .sorted(Comparator.comparing(Endpoint::name).thenComparing(Endpoint::httpMethod)
                        .thenComparing(Endpoint::path))
                .map(e -> new EndpointMetrics(e.name(), e.httpMethod(), e.path(), counters.of(e)))
                .toList();
        SelfMetrics self = new SelfMetrics(status.appVersion(), status.instance(), status.queued(),
                status.queueCapacity(), status.dropped(), status.rejected(), status.lostDetails(), status.written(),
                counters.writerLagMillis(nowMillis), status.database() == DatabaseState.UP, following);
        return new MetricsSnapshot(shown, self);
    }
}
