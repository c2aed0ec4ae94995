package dev.fmd.store;

import dev.fmd.query.EndpointPerformance;
import dev.fmd.query.PerformanceQueries;
import dev.fmd.query.SeriesPoint;
import dev.fmd.query.TimeWindow;
import dev.fmd.query.VersionPerformance;
import dev.fmd.store.RollupReads.Figures;
import dev.fmd.store.RollupReads.Sums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@link PerformanceQueries} from the rollups' histograms: per endpoint or per version over a window through
 * {@link RollupReads#window} (days plus edge hours), series per hour or day from {@code rollup} or
 * {@code rollup_day} on their key (endpoint, bucket, ...).
 */
@ApplicationScoped
public class JpaPerformanceQueries extends RollupQueryService implements PerformanceQueries {

    /** For the container's proxy. */
    protected JpaPerformanceQueries() {
    }

    @Inject
    public JpaPerformanceQueries(Store store) {
        super(store);
    }

    @Override
    public List<EndpointPerformance> endpoints(TimeWindow window) {
        Map<Long, String> names = read(EndpointEntity::names);
        List<EndpointPerformance> endpoints = new ArrayList<>();
        rows(c -> reads.window(c, window, Figures.DURATIONS, "endpoint_id", null)).forEach((key, sums) ->
                endpoints.add(new EndpointPerformance((Long) key.get(0), names.get((Long) key.get(0)), sums.stats())));
        endpoints.sort(Comparator.comparing(EndpointPerformance::endpointName, NAMES)
                .thenComparing(EndpointPerformance::endpointId));
        return endpoints;
    }

    @Override
    public List<VersionPerformance> versions(long endpointId, TimeWindow window) {
        Map<List<Object>, Sums> sums = rows(c -> reads.window(c, window, Figures.DURATIONS, "version",
                "endpoint_id = ?", endpointId));
        List<VersionPerformance> versions = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> versions.add(new VersionPerformance((String) key.get(0), s.stats())));
        versions.sort(Comparator.comparing(VersionPerformance::version, RollupReads.firstAppearance(sums, 0)));
        return versions;
    }

    @Override
    public List<SeriesPoint> hourly(long endpointId, TimeWindow window) {
        return series(RollupTable.HOUR, endpointId, window);
    }

    @Override
    public List<SeriesPoint> daily(long endpointId, TimeWindow window) {
        return series(RollupTable.DAY, endpointId, window);
    }

    private List<SeriesPoint> series(RollupTable table, long endpointId, TimeWindow window) {
        Map<List<Object>, Sums> sums = rows(c -> reads.buckets(c, table, window, Figures.DURATIONS,
                table.bucket() + ", version", "endpoint_id = ?", endpointId));
        List<SeriesPoint> points = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> points.add(new SeriesPoint(RollupReads.instant(key.get(0)), (String) key.get(1),
                s.stats())));
        points.sort(Comparator.comparing(SeriesPoint::start)
                .thenComparing(SeriesPoint::version, RollupReads.firstAppearance(sums, 1)));
        return points;
    }
}
