package dev.fmd.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * How the Testmonitor pages write a test and its durations: {@code com.acme.OrderIT#placesOrder} as
 * {@code OrderIT#placesOrder} (the full name in the title), and a test's repetitions as a short list.
 * <pre>
 * TestNames.simple("com.acme.OrderIT#placesOrder");                    // "OrderIT#placesOrder"
 * TestNames.durations(List.of(12.5, 11.0, 10.9), view::duration, 10);   // "12.5 · 11.0 · 10.9"
 * </pre>
 */
final class TestNames {

    /** How many repetitions a table row lists before it says how many more there are. */
    static final int SHOWN_DURATIONS = 10;

    private TestNames() {
    }

    /**
     * @param testName a test's name, {@code Class#method}, the class with its package
     * @return the class's simple name (nested classes keep their outer class: {@code OrderIT$Refunds}), '#', the
     *         method; a name without '#' loses its package only
     */
    static String simple(String testName) {
        int hash = testName.indexOf('#');
        String className = hash < 0 ? testName : testName.substring(0, hash);
        int dot = className.lastIndexOf('.');
        return dot < 0 ? testName : testName.substring(dot + 1);
    }

    /**
     * @param testNames tests' full names
     * @return each name's short form for a chart's legend: {@link #simple}, or the full name when two tests of
     *         different packages have the same short form
     */
    static Map<String, String> legend(List<String> testNames) {
        Map<String, Integer> counts = new HashMap<>();
        testNames.stream().distinct().forEach(n -> counts.merge(simple(n), 1, Integer::sum));
        Map<String, String> legend = new LinkedHashMap<>();
        for (String name : testNames) {
            legend.put(name, counts.get(simple(name)) > 1 ? name : simple(name));
        }
        return legend;
    }

    /**
     * @param durationsMs a test's repetitions, in ms
     * @param format      how one duration is written, e.g. {@link DashboardView#duration}
     * @param shown       how many are listed at most
     * @return them separated by middle dots, e.g. {@code 12.5 · 11.0 · 10.9}, the ones past {@code shown} as
     *         {@code … +5}; a dash when there is none
     */
    static String durations(List<Double> durationsMs, DoubleFunction<String> format, int shown) {
        if (durationsMs.isEmpty()) {
            return "–";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(shown, durationsMs.size()); i++) {
            text.append(i == 0 ? "" : " · ").append(format.apply(durationsMs.get(i)));
        }
        if (durationsMs.size() > shown) {
            text.append(" … +").append(durationsMs.size() - shown);
        }
        return text.toString();
    }
}
