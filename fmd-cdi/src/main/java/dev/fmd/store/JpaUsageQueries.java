package dev.fmd.store;

import dev.fmd.query.DailyHits;
import dev.fmd.query.HourlyHits;
import dev.fmd.query.TimeWindow;
import dev.fmd.query.UsageQueries;
import dev.fmd.query.VersionHits;
import dev.fmd.query.VersionShare;
import dev.fmd.store.RollupReads.Figures;
import dev.fmd.store.RollupReads.Sums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link UsageQueries} from the rollups: hits per hour of the whole application ({@code rollup_app_hour}, one row
 * per hour and instance, on its key) or of one endpoint ({@code rollup}, on its key), summed by the database, per day
 * and endpoint ({@code rollup_day}), per endpoint and version (days plus edge hours, through
 * {@link RollupReads#window}).
 */
@ApplicationScoped
public class JpaUsageQueries extends RollupQueryService implements UsageQueries {

    /** For the container's proxy. */
    protected JpaUsageQueries() {
    }

    @Inject
    public JpaUsageQueries(Store store) {
        super(store);
    }

    @Override
    public List<HourlyHits> hourlyLoad(TimeWindow window, ZoneId zone) {
        return hourlyLoad(RollupTable.APP_HOUR, window, zone, null);
    }

    @Override
    public List<HourlyHits> hourlyLoad(long endpointId, TimeWindow window, ZoneId zone) {
        return hourlyLoad(RollupTable.HOUR, window, zone, "endpoint_id = ?", endpointId);
    }

    private List<HourlyHits> hourlyLoad(RollupTable table, TimeWindow window, ZoneId zone, String filter,
                                        Object... params) {
        Map<List<Object>, Sums> hours = rows(c -> reads.buckets(c, table, window, Figures.COUNTS, "hour_start",
                filter, params));
        Map<LocalDateTime, Long> local = new TreeMap<>();
        hours.forEach((key, sums) -> local.merge(RollupReads.instant(key.get(0)).atZone(zone).toLocalDateTime()
                .truncatedTo(ChronoUnit.HOURS), sums.hits, Long::sum));
        List<HourlyHits> cells = new ArrayList<>(local.size());
        local.forEach((hour, hits) -> cells.add(new HourlyHits(hour.toLocalDate(), hour.getHour(), hits)));
        return cells;
    }

    @Override
    public List<DailyHits> dailyHits(TimeWindow window) {
        Map<Long, String> names = read(EndpointEntity::names);
        List<DailyHits> days = new ArrayList<>();
        rows(c -> reads.buckets(c, RollupTable.DAY, window, Figures.COUNTS, "day_start, endpoint_id", null))
                .forEach((key, sums) -> days.add(new DailyHits(((LocalDateTime) key.get(0)).toLocalDate(),
                        (Long) key.get(1), names.get((Long) key.get(1)), sums.hits)));
        days.sort(Comparator.comparing(DailyHits::day).thenComparing(DailyHits::endpointName, NAMES)
                .thenComparing(DailyHits::endpointId));
        return days;
    }

    @Override
    public List<VersionHits> dailyVersions(TimeWindow window) {
        Map<List<Object>, Sums> sums = rows(c -> reads.buckets(c, RollupTable.DAY, window, Figures.COUNTS,
                "day_start, version", null));
        Comparator<Object> versions = RollupReads.firstAppearance(sums, 1);
        List<VersionHits> days = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> days.add(new VersionHits(((LocalDateTime) key.get(0)).toLocalDate(),
                (String) key.get(1), s.hits)));
        days.sort(Comparator.comparing(VersionHits::day).thenComparing(VersionHits::version, versions));
        return days;
    }

    @Override
    public List<VersionShare> versionShares(TimeWindow window) {
        Map<Long, String> names = read(EndpointEntity::names);
        Map<List<Object>, Sums> sums = rows(c -> reads.window(c, window, Figures.COUNTS, "endpoint_id, version",
                null));
        Map<Object, Long> totals = new HashMap<>();
        sums.forEach((key, s) -> totals.merge(key.get(0), s.hits, Long::sum));
        Comparator<Object> versions = RollupReads.firstAppearance(sums, 1);
        List<VersionShare> shares = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> shares.add(new VersionShare((Long) key.get(0), names.get((Long) key.get(0)),
                (String) key.get(1), s.hits, (double) s.hits / totals.get(key.get(0)))));
        shares.sort(Comparator.comparing(VersionShare::endpointName, NAMES)
                .thenComparing(VersionShare::endpointId).thenComparing(VersionShare::version, versions));
        return shares;
    }
}
