package dev.fmd.store;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void quantilesInOnePassEqualEachQuantile() {
        Random random = new Random(3);
        double[] qs = {0, 0.01, 0.05, 0.25, 0.5, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1};
        for (int round = 0; round < 500; round++) {
            DurationHistogram histogram = new DurationHistogram();
            for (int i = random.nextInt(round % 10 == 0 ? 3 : 2000); i > 0; i--) {
                histogram.add(Math.exp(random.nextGaussian() * 2));
            }
            double[] each = Arrays.stream(qs).map(histogram::quantile).toArray();
            assertEquals(Arrays.toString(each), Arrays.toString(histogram.quantiles(qs)), histogram.encode());
        }
        assertThrows(IllegalArgumentException.class, () -> new DurationHistogram().quantiles(0.9, 0.5));
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
        assertEquals("10:4,20:1", DurationHistogram.decode(" 10 : 3 ,10:1,1 0:2,20:1,:5,7:,8:1:2,-9:1,"
                + "99999999999:1,11:1234567890123456789").encode(), "blanks around numbers only; bad pairs skipped");
    }

    /** The one-pass decoder reads every text, well-formed or damaged, as the pair-by-pair one it replaced did. */
    @Test
    void decodingAgreesWithThePairByPairReading() {
        Random random = new Random(7);
        String alphabet = "0123456789:, x-\t";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            if (round % 2 == 0) {
                DurationHistogram valid = new DurationHistogram();
                for (int i = random.nextInt(30); i > 0; i--) {
                    valid.add(Math.exp(random.nextGaussian() * 3));
                }
                text.append(valid.encode());
            }
            for (int i = random.nextInt(round % 2 == 0 ? 3 : 40); i > 0; i--) {
                text.insert(random.nextInt(text.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(pairByPair(text.toString()), DurationHistogram.decode(text.toString()).encode(),
                    "'" + text + "'");
        }
    }

    /** The reading before the one-pass decoder: split at commas, then at the first colon, each side trimmed. */
    private static String pairByPair(String text) {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (String pair : text.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                continue;
            }
            long bucket = digits(pair.substring(0, colon).strip());
            long count = digits(pair.substring(colon + 1).strip());
            if (bucket >= 0 && count > 0 && bucket <= 40_000) {
                counts.merge((int) bucket, count, Long::sum);
            }
        }
        StringBuilder encoded = new StringBuilder();
        counts.forEach((bucket, count) -> encoded.append(encoded.length() > 0 ? "," : "").append(bucket).append(':')
                .append(count));
        return encoded.toString();
    }

    private static long digits(String number) {
        return number.matches("[0-9]{1,18}") ? Long.parseLong(number) : -1;
    }
}
