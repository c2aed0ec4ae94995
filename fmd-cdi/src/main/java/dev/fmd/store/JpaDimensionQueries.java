package dev.fmd.store;

import dev.fmd.query.Dimension;
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
import java.util.List;
import java.util.Map;

/**
 * {@link DimensionQueries} from {@code rollup_dimension} (histograms merged here) and {@code rollup_status} (summed by
 * the database), each read on its key (endpoint, day, ...).
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
        Map<List<Object>, Sums> sums = dimension(endpointId, dimension, window, "dim_value, version");
        List<DimensionStats> cells = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> cells.add(new DimensionStats((String) key.get(0), (String) key.get(1), s.stats())));
        cells.sort(Comparator.comparing(DimensionStats::value)
                .thenComparing(DimensionStats::version, RollupReads.firstAppearance(sums, 1)));
        return cells;
    }

    @Override
    public List<DimensionStats> byValue(long endpointId, Dimension dimension, TimeWindow window) {
        Map<List<Object>, Sums> sums = dimension(endpointId, dimension, window, "dim_value");
        List<DimensionStats> values = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> values.add(new DimensionStats((String) key.get(0), null, s.stats())));
        values.sort(Comparator.comparing(DimensionStats::value));
        return values;
    }

    private Map<List<Object>, Sums> dimension(long endpointId, Dimension dimension, TimeWindow window,
                                              String groupBy) {
        return read(em -> reads.buckets(em, RollupTable.DIMENSION, window, Figures.DURATIONS, groupBy,
                "endpoint_id = ? AND dimension = ?", endpointId, dimension.code()));
    }

    @Override
    public List<StatusHits> statusCodes(long endpointId, TimeWindow window) {
        Map<List<Object>, Sums> sums = read(em -> reads.buckets(em, RollupTable.STATUS, window, Figures.COUNTS,
                "day_start, status_code", "endpoint_id = ?", endpointId));
        List<StatusHits> statuses = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> statuses.add(new StatusHits(((LocalDateTime) key.get(0)).toLocalDate(),
                ((Long) key.get(1)).intValue(), s.hits)));
        statuses.sort(Comparator.comparing(StatusHits::day).thenComparingInt(StatusHits::status));
        return statuses;
    }
}
