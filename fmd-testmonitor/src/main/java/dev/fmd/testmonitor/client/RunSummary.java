package dev.fmd.testmonitor.client;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table printed at the end of a run: per test its outcome, runs, median, mean, min and max duration in
 * milliseconds and failed runs, then the notes (why a test ran once, runs left out).
 *
 * <pre>
 * fmd testmonitor: run 0f6c2b9e-..., 5 runs per test
 * test                          outcome  runs  median ms  mean ms  min ms  max ms  failures
 * com.acme.OrderIT#placesOrder  passed      5     11.000   11.320  10.900  12.500         0
 * </pre>
 */
final class RunSummary {

    private static final String[] HEADER = {"test", "outcome", "runs", "median ms", "mean ms", "min ms", "max ms",
            "failures"};

    private RunSummary() {
    }

    static void print(RunReport report, PrintStream out) {
        out.println("fmd testmonitor: run " + report.run() + ", " + report.times() + " runs per test, "
                + report.tests().size() + " tests");
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (TestReport test : report.tests()) {
            String[] row = new String[HEADER.length];
            row[0] = test.name();
            row[1] = test.outcome().json();
            row[2] = Integer.toString(test.durationsMs().size());
            DurationStats stats = test.stats().orElse(null);
            row[3] = stats == null ? "-" : ms(stats.median());
            row[4] = stats == null ? "-" : ms(stats.mean());
            row[5] = stats == null ? "-" : ms(stats.min());
            row[6] = stats == null ? "-" : ms(stats.max());
            row[7] = Integer.toString(test.failures());
            rows.add(row);
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                // names and outcomes left-aligned, numbers right-aligned
                String format = i < 2 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                line.append(String.format(format, row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        for (TestReport test : report.tests()) {
            for (String note : test.notes()) {
                out.println("  " + test.name() + ": " + note);
            }
            if (test.message() != null) {
                out.println("  " + test.name() + ": first failure: " + firstLine(test.message()));
            }
        }
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end) + " ...";
    }
}
