package dev.fmd.outlier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunningAverageTest {

    @Test
    void noThresholdDuringWarmUpThenConstantTimesTheMean() {
        OutlierDetector.RunningAverage average = new OutlierDetector.RunningAverage(1);
        for (int i = 0; i < 4; i++) {
            average.add(i % 2 == 0 ? 10_000_000 : 30_000_000);
            assertEquals(0, average.threshold(5, 2.5), "warm-up request " + (i + 1));
        }
        average.add(20_000_000);
        assertEquals(50_000_000, average.threshold(5, 2.5));
    }
}
