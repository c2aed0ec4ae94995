package dev.fmd.store;

import java.util.List;

/**
 * One of the aggregate tables the dashboard reads instead of raw requests. Every row is owned by one instance (only
 * that instance's writer changes it) and is keyed by a time bucket (hour or day, UTC) and the instance; the
 * {@link #PER_ENDPOINT} tables also by endpoint, version and the table's own key columns.
 * <table>
 * <caption>The rollups</caption>
 * <tr><th>table</th><th>bucket</th><th>own key</th><th>for</th></tr>
 * <tr><td>{@code rollup}</td><td>hour</td><td>-</td><td>hourly graphs, overview, heatmaps</td></tr>
 * <tr><td>{@code rollup_day}</td><td>day</td><td>-</td><td>daily graphs, long windows, versions</td></tr>
 * <tr><td>{@code rollup_dimension}</td><td>day</td><td>dimension ({@code u} user, {@code i} IP), value</td>
 *     <td>user × version and IP × version</td></tr>
 * <tr><td>{@code rollup_status}</td><td>day</td><td>status code</td><td>status codes per endpoint and day</td></tr>
 * <tr><td>{@code rollup_app_hour}</td><td>hour</td><td>- (no endpoint, no version)</td><td>app-wide hourly load:
 *     the hits of {@code rollup} summed over endpoints and versions ({@link AppHourRows})</td></tr>
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

    /** Hits per hour and instance over every endpoint and version: one row per hour, not one per endpoint. */
    static final RollupTable APP_HOUR = new RollupTable("rollup_app_hour", "hour_start", false, List.of(), false);

    /** The tables keyed by endpoint and version, which {@link Rollups} writes from its keys. */
    static final List<RollupTable> PER_ENDPOINT = List.of(HOUR, DAY, DIMENSION, STATUS);

    /** Every rollup table, e.g. for retention. */
    static final List<RollupTable> ALL = List.of(HOUR, DAY, DIMENSION, STATUS, APP_HOUR);

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
