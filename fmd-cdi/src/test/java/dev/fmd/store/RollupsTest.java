package dev.fmd.store;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RollupsTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void addingByEpochMillisCountsWhatAddingByTimeCounts() {
        Rollups byTime = new Rollups(new Schema("t_"), "app-1", 100);
        Rollups byMillis = new Rollups(new Schema("t_"), "app-1", 100);
        long midnight = 1_796_515_200_000L; // 2026-12-06T00:00Z
        long[] times = {midnight - 1, midnight, midnight + 1, midnight + HOUR - 1, midnight + HOUR,
                midnight + 5 * HOUR + 7, midnight + 2 * HOUR, midnight - HOUR - 5, -1, 0, 1};
        int i = 0;
        for (long time : times) {
            String user = i % 2 == 0 ? null : "u" + i % 3;
            int status = i % 3 == 0 ? 500 : 200;
            byTime.add(7, RequestRows.utc(time), "1.0", user, "10.0.0.1", status, 1.5 * i);
            byMillis.add(7, time, "1.0", user, "10.0.0.1", status, 1.5 * i);
            i++;
        }
        assertEquals(hits(byTime.take()), hits(byMillis.take()));
    }

    @Test
    void keysOfTheSameRowAreEqual() {
        LocalDateTime hour = LocalDateTime.of(2026, 12, 6, 10, 0);
        Rollups.Key key = new Rollups.Key(RollupTable.STATUS, 3, hour, null, java.util.List.of(200));
        Rollups.Key same = new Rollups.Key(RollupTable.STATUS, 3, LocalDateTime.of(2026, 12, 6, 10, 0), null,
                java.util.List.of(200));
        assertEquals(key, same);
        assertEquals(key.hashCode(), same.hashCode());
        assertEquals(false, key.equals(new Rollups.Key(RollupTable.DAY, 3, hour, null, java.util.List.of(200))));
    }

    private static Map<String, String> hits(Map<Rollups.Key, Rollups.Delta> taken) {
        Map<String, String> hits = new TreeMap<>();
        taken.forEach((key, delta) -> hits.put(key.toString(), delta.hits + "/" + delta.errors + "/" + delta.totalMs
                + "/" + (delta.histogram == null ? "" : delta.histogram.encode())));
        return hits;
    }
}
