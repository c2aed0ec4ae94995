package dev.fmd.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestTrendTest {

    @Test
    void aTestIsSlowerWhenItsMedianGrewByTheRatioAndTheMinimum() {
        assertTrue(TestTrend.slower(15.0, 14.0, 11.0));
        assertFalse(TestTrend.slower(13.0, 12.0, 11.0), "18% more is within the noise");
        assertFalse(TestTrend.slower(1.3, 1.2, 1.0), "30% more but only 0.3 ms");
        assertTrue(TestTrend.slower(2.5, 2.0, 1.0));
        assertFalse(TestTrend.slower(15.0, 10.5, 11.0), "one repetition as fast as before: a noisy run");
        assertFalse(TestTrend.slower(15.0, 14.0, Double.NaN), "no earlier run");
        assertFalse(TestTrend.slower(Double.NaN, Double.NaN, 11.0), "skipped in the last run");
    }

    @Test
    void fastestIsTheSmallestRepetition() {
        assertEquals(9.0, TestTrend.fastest(List.of(12.0, 9.0, 11.0)));
        assertTrue(Double.isNaN(TestTrend.fastest(List.of())));
    }

    @Test
    void medianAndMeanIgnoreMissingValues() {
        assertEquals(11.0, TestTrend.median(List.of(12.0, 10.0, 11.0)));
        assertEquals(10.5, TestTrend.median(List.of(12.0, 10.0, 11.0, 9.0, Double.NaN)));
        assertTrue(Double.isNaN(TestTrend.median(List.of())));
        assertEquals(11.0, TestTrend.mean(List.of(12.0, 10.0)));
        assertTrue(Double.isNaN(TestTrend.mean(List.of())));
    }
}
