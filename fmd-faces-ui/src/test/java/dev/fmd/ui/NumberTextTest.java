package dev.fmd.ui;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pages' numbers are written as {@code String.format} wrote them, to the character. */
class NumberTextTest {

    @Test
    void countsAsFormatWritesThem() {
        Random random = new Random(5);
        long[] edges = {0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long count : edges) {
            assertEquals(String.format(Locale.ROOT, "%,d", count), NumberText.count(count));
        }
        for (int i = 0; i < 50_000; i++) {
            long count = random.nextLong() >> random.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", count), NumberText.count(count));
        }
    }

    @Test
    void durationsAsFormatWritesThem() {
        Random random = new Random(9);
        double[] edges = {0, 0.0005, 0.0004999, 0.9995, 1.005, 9.995, 99.95, 99.96, 999.5, 1000.5, 2.5, 0.125,
            1e-9, 123456789.5, 1e15 + 0.5, 1e21, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NaN};
        for (double ms : edges) {
            check(ms);
        }
        for (int i = 0; i < 20_000; i++) {
            check(Math.exp(random.nextGaussian() * 5));
            check(Math.round(random.nextDouble() * 1e6) / 1000.0 + (random.nextBoolean() ? 0.0005 : 0));
        }
    }

    private static void check(double ms) {
        for (int decimals = 0; decimals <= 3; decimals++) {
            assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", ms), NumberText.fixed(ms, decimals, false),
                    ms + " with " + decimals);
            assertEquals(String.format(Locale.ROOT, "%,." + decimals + "f", ms), NumberText.fixed(ms, decimals, true),
                    ms + " grouped with " + decimals);
        }
    }
}
