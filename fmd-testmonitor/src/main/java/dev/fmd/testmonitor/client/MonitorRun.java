package dev.fmd.testmonitor.client;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's state for one test run (one JUnit Jupiter execution, normally the whole JVM of a Surefire or
 * Failsafe fork): the configuration, a random run key, the start, and a {@link TestTally} per test. Kept in the root
 * context's store, which closes it when the execution ends: then it prints the summary and uploads through
 * {@link RunPublisher}, never throwing.
 */
final class MonitorRun implements ExtensionContext.Store.CloseableResource {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MonitorRun.class);

    private final MonitorConfig config;
    private final String key;
    private final Instant startedAt;
    private final PrintStream out;
    private final Map<String, TestTally> tallies = new ConcurrentHashMap<>();

    MonitorRun(MonitorConfig config, String key, Instant startedAt, PrintStream out) {
        this.config = config;
        this.key = key;
        this.startedAt = startedAt;
        this.out = out;
    }

    /**
     * The run of the execution {@code context} belongs to, started on first use with the configuration read from
     * JUnit's configuration parameters, then the environment.
     *
     * @throws ExtensionConfigurationException when a setting is invalid
     */
    static MonitorRun of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MonitorRun.class, type -> start(context), MonitorRun.class);
    }

    private static MonitorRun start(ExtensionContext context) {
        try {
            MonitorConfig config = MonitorConfig.read(context::getConfigurationParameter, System::getenv);
            return new MonitorRun(config, UUID.randomUUID().toString(), Instant.now(), System.out);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("fmd testmonitor: " + e.getMessage(), e);
        }
    }

    MonitorConfig config() {
        return config;
    }

    String key() {
        return key;
    }

    TestTally tally(String testName) {
        return tallies.computeIfAbsent(testName, TestTally::new);
    }

    /** The run as uploaded: every test seen, by name. */
    RunReport report() {
        return new RunReport(key, config.build(), config.appVersion(), startedAt, config.timesOrDefault(),
                RunReport.JUNIT5, tallies.values().stream()
                        .map(TestTally::report)
                        .sorted(Comparator.comparing(TestReport::name))
                        .toList());
    }

    /** Prints the summary and uploads; a failure here is printed, never thrown (the build's outcome stays). */
    @Override
    public void close() {
        try {
            RunPublisher.publish(report(), config, out);
        } catch (RuntimeException | LinkageError e) {
            out.println(RunPublisher.WARNING + "could not report run " + key + ": " + e);
        }
    }
}
