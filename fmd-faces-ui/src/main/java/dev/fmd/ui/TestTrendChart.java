package dev.fmd.ui;

import dev.fmd.query.TestResult;
import dev.fmd.query.TestRun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Testmonitor's trend: a line per test of its median duration in each run, the runs left to right in the order
 * they were uploaded, as the {@code line} chart of {@code fmd-charts.js} (its tooltip names each run's app version).
 * <pre>
 * String json = TestTrendChart.json(Map.of(name, tests.history(name, window)), TestRun::label);
 * </pre>
 */
final class TestTrendChart {

    private TestTrendChart() {
    }

    /**
     * @param histories each test's results, by its full name (the chart's lines in the map's order)
     * @param label     how a run is named on the x axis, e.g. {@link TestRun#label()}
     * @return the chart's JSON: a category per run that has a result of one of the tests (a label two runs share
     *         gets the run's id added), a line per test with its median per run (null where the run has no
     *         result or no duration for it), and a note per run: its app version; null when no test has a result
     */
    static String json(Map<String, List<TestResult>> histories, Function<TestRun, String> label) {
        Map<Long, TestRun> byId = new HashMap<>();
        histories.values().forEach(h -> h.forEach(r -> byId.putIfAbsent(r.run().id(), r.run())));
        if (byId.isEmpty()) {
            return null;
        }
        List<TestRun> runs = byId.values().stream()
                .sorted(Comparator.comparing(TestRun::uploadedAt).thenComparingLong(TestRun::id)).toList();
        Map<Long, Integer> column = new HashMap<>();
        runs.forEach(r -> column.put(r.id(), column.size()));
        List<String> categories = labels(runs, label);
        List<String> notes = runs.stream()
                .map(r -> "app version " + (r.appVersion() == null || r.appVersion().isEmpty() ? "unknown"
                        : r.appVersion())).toList();
        Map<String, String> legend = TestNames.legend(new ArrayList<>(histories.keySet()));
        List<ChartJson.Line> lines = new ArrayList<>();
        histories.forEach((name, history) -> {
            List<Double> medians = new ArrayList<>(java.util.Collections.nCopies(runs.size(), (Double) null));
            history.forEach(r -> medians.set(column.get(r.run().id()), r.medianMs()));
            lines.add(new ChartJson.Line(legend.get(name), null, medians));
        });
        return ChartJson.lines(categories, notes, lines, "median");
    }

    /** @return the runs' labels, those two runs share made unique with the run's id, e.g. {@code #12 (run 40)} */
    private static List<String> labels(List<TestRun> runs, Function<TestRun, String> label) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        runs.forEach(r -> counts.merge(label.apply(r), 1, Integer::sum));
        Set<String> shared = new HashSet<>();
        counts.forEach((l, n) -> {
            if (n > 1) {
                shared.add(l);
            }
        });
        return runs.stream().map(r -> {
            String l = label.apply(r);
            return shared.contains(l) ? l + " (run " + r.id() + ")" : l;
        }).toList();
    }
}
