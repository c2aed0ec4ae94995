package dev.fmd.store;

import dev.fmd.query.TimeWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link RollupReads} in plain JDBC on real PostgreSQL and MariaDB: the UTC buckets come back as stored, whatever the
 * server's own time zone, also an hour that does not exist in that zone.
 */
class RollupReadsIT {

    /** 02:00 to 03:00 does not exist in Amsterdam on 29 March 2026 (summer time starts). */
    private static final LocalDateTime MISSING_IN_AMSTERDAM = LocalDateTime.of(2026, 3, 29, 2, 0);

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void bucketsComeBackAsStoredInAnyDefaultZone(String database) throws Exception {
        DataSource dataSource = MigrationsIT.dataSource(database);
        String prefix = MigrationsIT.uniquePrefix();
        Schema schema = new Schema(prefix);
        TimeZone zone = TimeZone.getDefault();
        try {
            Migrations.migrate(schema, dataSource, "it");
            List<LocalDateTime> hours = List.of(MISSING_IN_AMSTERDAM.minusHours(1), MISSING_IN_AMSTERDAM,
                    MISSING_IN_AMSTERDAM.plusHours(1));
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.name("rollup")
                         + " (id, endpoint_id, hour_start, version, instance, hits, errors, client_errors, "
                         + "total_ms, histogram) VALUES (?, 1, ?, '1.0', 'a', ?, 0, 0, 1.0, '10:1')")) {
                for (int i = 0; i < hours.size(); i++) {
                    insert.setLong(1, i + 1);
                    insert.setObject(2, hours.get(i));
                    insert.setLong(3, i + 1);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Amsterdam"));
            TimeWindow day = new TimeWindow(MISSING_IN_AMSTERDAM.minusHours(2).toInstant(ZoneOffset.UTC),
                    MISSING_IN_AMSTERDAM.plusHours(2).toInstant(ZoneOffset.UTC));
            Map<List<Object>, RollupReads.Sums> sums;
            try (Connection connection = dataSource.getConnection()) {
                sums = new RollupReads(schema).buckets(connection, RollupTable.HOUR, day, RollupReads.Figures.DURATIONS,
                        "hour_start", null);
            }
            for (int i = 0; i < hours.size(); i++) {
                RollupReads.Sums hour = sums.get(List.of(hours.get(i)));
                assertEquals(i + 1, hour == null ? 0 : hour.hits, hours.get(i) + " read back as stored: "
                        + sums.keySet());
                assertEquals(hours.get(i), hour.first, "its first bucket");
            }
            assertEquals(3, sums.size());
        } finally {
            TimeZone.setDefault(zone);
            MigrationsIT.drop(dataSource, prefix);
        }
    }
}
