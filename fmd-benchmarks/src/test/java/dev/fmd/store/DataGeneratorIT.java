package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data generator at a small size on the local PostgreSQL: every request it queues is written exactly once, counted
 * once in every rollup, and its call trees and outliers are stored; nothing is dropped. Its tables are dropped after.
 */
class DataGeneratorIT {

    private static final long REQUESTS = 20_000;

    @Test
    void everyGeneratedRequestTreeAndOutlierIsStoredOnce() throws Exception {
        String prefix = "dg" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36) + "_";
        try (BenchDatabase db = new BenchDatabase(BenchDatabase.DEFAULT_URL)) {
            try {
                Instant end = Instant.now();
                DataGenerator generator = new DataGenerator(DataGenerator.config(Map.of(FmdConfig.TABLE_PREFIX,
                        prefix)), db.dataSource(), end.minus(90, java.time.temporal.ChronoUnit.DAYS).toEpochMilli(),
                        end.toEpochMilli(), 7);
                try {
                    generator.history(REQUESTS, 90, end);
                } finally {
                    generator.close();
                }
                DataGenerator.Counts counts = DataGenerator.Counts.of(db, prefix);
                assertEquals(REQUESTS, generator.offered());
                assertEquals(0, generator.dropped(), "nothing dropped");
                assertEquals(0, generator.writer().rejected());
                assertEquals(0, generator.writer().lostAttachments());
                assertEquals(REQUESTS, counts.requests(), "requests written");
                for (long hits : new long[] {counts.hourlyHits(), counts.dailyHits(), counts.statusHits(),
                    counts.userHits(), counts.ipHits(), counts.appHourHits()}) {
                    assertEquals(REQUESTS, hits, "every rollup counts every request once: " + counts);
                }
                assertEquals(100, counts.endpoints());
                assertTrue(DataGenerator.config(Map.of()).retentionDays() >= 90,
                        "the writer's retention keeps the 90 days being generated");
                assertTrue(generator.trees() > 500, "level-3 requests are profiled: " + generator.trees());
                assertEquals(generator.trees(), counts.trees(), "trees written");
                assertTrue(counts.stackLines() >= 20 * counts.trees() && counts.stackLines() <= 40 * counts.trees(),
                        "20 to 40 lines a tree: " + counts);
                assertTrue(generator.outliers() > 10, "outliers at 1% of level-2 and -3 requests");
                assertEquals(generator.outliers(), counts.outliers(), "outliers written");
                assertEquals(0, db.number("SELECT COUNT(*) FROM " + prefix + "outlier WHERE average_ms IS NULL "
                        + "OR average_ms <= 0"), "every outlier has its endpoint's average");
                assertEquals(5, db.number("SELECT COUNT(*) FROM " + prefix + "endpoint WHERE monitor_level = 3"));
                assertEquals(5, db.number("SELECT COUNT(DISTINCT version_requested) FROM " + prefix + "request"));
                long first = db.number("SELECT EXTRACT(EPOCH FROM MIN(time_requested)) FROM " + prefix + "request");
                long last = db.number("SELECT EXTRACT(EPOCH FROM MAX(time_requested)) FROM " + prefix + "request");
                assertTrue(last - first > TimeUnit.DAYS.toSeconds(89), "spread over 90 days");
            } finally {
                db.drop(prefix);
            }
        }
    }
}
