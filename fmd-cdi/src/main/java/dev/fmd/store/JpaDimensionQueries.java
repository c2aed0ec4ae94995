package dev.fmd.store;

import dev.fmd.query.Dimension;
import dev.fmd.query.DimensionBreakdown;
import dev.fmd.query.DimensionQueries;
import dev.fmd.query.DimensionStats;
import dev.fmd.query.StatusHits;
import dev.fmd.query.TimeWindow;
import dev.fmd.store.RollupReads.Figures;
import dev.fmd.store.RollupReads.Sums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link DimensionQueries} from {@code rollup_dimension} (histograms merged here) and {@code rollup_status} (summed by
 * the database), each read on its key (endpoint, day, ...); {@link #breakdown} merges the cells of one read per value.
 */
@ApplicationScoped
public class JpaDimensionQueries extends RollupQueryService implements DimensionQueries {

    /** For the container's proxy. */
    protected JpaDimensionQueries() {
    }

    @Inject
    public JpaDimensionQueries(Store store) {
        super(store);
    }

    @Override
    public List<DimensionStats> byVersion(long endpointId, Dimension dimension, TimeWindow window) {
        return perVersion(dimension(endpointId, dimension, window, "dim_value, version"));
    }

    @Override
    public List<DimensionStats> byValue(long endpointId, Dimension dimension, TimeWindow window) {
        return perValue(dimension(endpointId, dimension, window, "dim_value"));
    }

    @Override
    public DimensionBreakdown breakdown(long endpointId, Dimension dimension, TimeWindow window) {
        Map<List<Object>, Sums> cells = dimension(endpointId, dimension, window, "dim_value, version");
        List<DimensionStats> byVersion = perVersion(cells);
        Map<List<Object>, Sums> values = new HashMap<>();
        cells.forEach((key, s) -> values.computeIfAbsent(List.of(key.get(0)), k -> new Sums()).add(s));
        return new DimensionBreakdown(byVersion, perValue(values));
    }

    /** @param sums keyed by value and version */
    private static List<DimensionStats> perVersion(Map<List<Object>, Sums> sums) {
        List<DimensionStats> cells = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> cells.add(new DimensionStats((String) key.get(0), (String) key.get(1), s.stats())));
        cells.sort(Comparator.comparing(DimensionStats::value)
                .thenComparing(DimensionStats::version, RollupReads.firstAppearance(sums, 1)));
        return cells;
    }

    /** @param sums keyed by value */
    private static List<DimensionStats> perValue(Map<List<Object>, Sums> sums) {
        List<DimensionStats> values = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> values.add(new DimensionStats((String) key.get(0), null, s.stats())));
        values.sort(Comparator.comparing(DimensionStats::value));
        return values;
    }

    private Map<List<Object>, Sums> dimension(long endpointId, Dimension dimension, TimeWindow window,
                                              String groupBy) {
        return rows(c -> reads.buckets(c, RollupTable.DIMENSION, window, Figures.DURATIONS, groupBy,
                "endpoint_id = ? AND dimension = ?", endpointId, dimension.code()));
    }

    @Override
    public List<StatusHits> statusCodes(long endpointId, TimeWindow window) {
        Map<List<Object>, Sums> sums = rows(c -> reads.buckets(c, RollupTable.STATUS, window, Figures.COUNTS,
                "day_start, status_code", "endpoint_id = ?", endpointId));
        List<StatusHits> statuses = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> statuses.add(new StatusHits(((LocalDateTime) key.get(0)).toLocalDate(),
                ((Long) key.get(1)).intValue(), s.hits)));
        statuses.sort(Comparator.comparing(StatusHits::day).thenComparingInt(StatusHits::status));
        return statuses;
    }
}
