package dev.fmd.store;

import java.util.List;

/**
 * One of the aggregate tables the dashboard reads instead of raw requests. Every row is owned by one instance (only
 * that instance's writer changes it) and is keyed by endpoint, a time bucket (hour or day, UTC), the version and the
 * table's own key columns.
 * <table>
 * <caption>The rollups</caption>
 * <tr><th>table</th><th>bucket</th><th>own key</th><th>for</th></tr>
 * <tr><td>{@code rollup}</td><td>hour</td><td>-</td><td>hourly graphs, overview, heatmaps</td></tr>
 * <tr><td>{@code rollup_day}</td><td>day</td><td>-</td><td>daily graphs, long windows, versions</td></tr>
 * <tr><td>{@code rollup_dimension}</td><td>day</td><td>dimension ({@code u} user, {@code i} IP), value</td>
 *     <td>user × version and IP × version</td></tr>
 * <tr><td>{@code rollup_status}</td><td>day</td><td>status code</td><td>status codes per endpoint and day</td></tr>
 * </table>
 *
 * @param name      the table name without prefix, also its sequence row
 * @param bucket    the time column: {@code hour_start} or {@code day_start}
 * @param daily     whether the bucket is a day (else an hour)
 * @param keys      the table's own key columns besides endpoint, bucket, version and instance
 * @param durations whether it has {@code errors}, {@code client_errors}, {@code total_ms} and {@code histogram}
 */
record RollupTable(String name, String bucket, boolean daily, List<String> keys, boolean durations) {

    static final RollupTable HOUR = new RollupTable("rollup", "hour_start", false, List.of(), true);
    static final RollupTable DAY = new RollupTable("rollup_day", "day_start", true, List.of(), true);
    static final RollupTable DIMENSION = new RollupTable("rollup_dimension", "day_start", true,
            List.of("dimension", "dim_value"), true);
    static final RollupTable STATUS = new RollupTable("rollup_status", "day_start", true, List.of("status_code"),
            false);

    static final List<RollupTable> ALL = List.of(HOUR, DAY, DIMENSION, STATUS);

    /** Equal when the name is: the writer hashes a table into every rollup key, several per request. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RollupTable table && table.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
