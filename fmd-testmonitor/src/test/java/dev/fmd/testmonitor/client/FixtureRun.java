package dev.fmd.testmonitor.client;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a fixture test class through the Jupiter engine (as Surefire would) and keeps what the Testmonitor printed.
 *
 * @param results the engine's events
 * @param printed {@code System.out} during the run (the summary, the upload's answer)
 */
record FixtureRun(EngineExecutionResults results, String printed) {

    /** A summary row: outcome, runs and failures of a test. */
    record Row(String outcome, int runs, int failures) {
    }

    /** Runs {@code fixture} with the configuration parameters {@code key, value, key, value...}. */
    static FixtureRun of(Class<?> fixture, String... parameters) {
        Map<String, String> configuration = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            configuration.put(parameters[i], parameters[i + 1]);
        }
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(fixture))
                    .configurationParameters(configuration)
                    .execute();
            return new FixtureRun(results, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /** The summary row of {@code Fixture#method}; fails when there is none. */
    Row row(Class<?> fixture, String method) {
        String name = fixture.getName() + "#" + method;
        List<String[]> rows = printed.lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(cells -> cells.length == 8 && cells[0].equals(name))
                .toList();
        if (rows.size() != 1) {
            throw new AssertionError("no one summary row for " + name + " in:\n" + printed);
        }
        String[] cells = rows.get(0);
        return new Row(cells[1], Integer.parseInt(cells[2]), Integer.parseInt(cells[7]));
    }

    @Override
    public String toString() {
        return printed + Arrays.toString(new Object[] {results.testEvents().list()});
    }
}
