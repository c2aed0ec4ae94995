package dev.fmd.store;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationHistogramTest {

    @Test
    void quantilesAreWithinOnePercentOfTheExactValue() {
        Random random = new Random(42);
        double[] durations = new double[100_000];
        DurationHistogram histogram = new DurationHistogram();
        for (int i = 0; i < durations.length; i++) {
            durations[i] = Math.exp(random.nextGaussian() * 1.5 + 3);
            histogram.add(durations[i]);
        }
        Arrays.sort(durations);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            double exact = durations[(int) Math.ceil(q * durations.length) - 1];
            double estimate = histogram.quantile(q);
            assertTrue(Math.abs(estimate - exact) / exact < 0.011, "q" + q + ": " + estimate + " vs " + exact);
        }
    }

    @Test
    void mergingEqualsAddingEverythingToOne() {
        DurationHistogram a = new DurationHistogram();
        DurationHistogram b = new DurationHistogram();
        DurationHistogram all = new DurationHistogram();
        for (int i = 1; i <= 1000; i++) {
            (i % 2 == 0 ? a : b).add(i * 0.37);
            all.add(i * 0.37);
        }
        a.merge(b);
        assertEquals(all.encode(), a.encode());
        assertEquals(1000, a.count());
    }

    @Test
    void textFormSurvivesARoundTripAndSkipsDamagedPairs() {
        DurationHistogram histogram = new DurationHistogram();
        histogram.add(0.0004);
        histogram.add(12.5);
        histogram.add(12.5);
        DurationHistogram copy = DurationHistogram.decode(histogram.encode());
        assertEquals(histogram.encode(), copy.encode());
        assertEquals(3, copy.count());
        assertEquals(2, DurationHistogram.decode("10:1,x:3,20:1,30").count());
        assertTrue(Double.isNaN(DurationHistogram.decode("").quantile(0.5)));
    }
}
