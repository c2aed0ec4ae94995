package dev.fmd.testmonitor.client;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Testmonitor for projects without the extension: reads Surefire/Failsafe XML reports, prints the summary and
 * uploads them to the dashboard, with source {@code "surefire"}. The jar's main class.
 * <pre>
 * java -jar fmd-testmonitor.jar --test-results target/surefire-reports --test-results target/failsafe-reports \
 *      --times 1 --url https://shop.example.com/fmd --token "$FMD_TESTMONITOR_TOKEN" --build "$GITHUB_RUN_NUMBER"
 * </pre>
 * Exit status: 0 uploaded or summary only; 1 the dashboard refused the run or could not be reached; 2 bad usage
 * (the message names the argument) or unreadable reports. A test is failed when any of its runs failed; {@code times}
 * defaults to the most runs any test had, and tests with fewer runs than {@code times} are listed in a warning.
 * Requests are not tagged (that needs the extension), so such runs have no endpoint coverage.
 */
public final class FmdTestMonitorCli {

    static final int OK = 0;
    static final int UPLOAD_FAILED = 1;
    static final int USAGE = 2;
    private static final int LISTED = 10;

    private FmdTestMonitorCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System::getenv));
    }

    /** The whole command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env) {
        try {
            CliArguments arguments = CliArguments.parse(args);
            if (arguments.help()) {
                out.print(CliArguments.USAGE);
                return OK;
            }
            for (Path directory : arguments.testResults()) {
                if (!Files.isDirectory(directory)) {
                    throw new CliArguments.UsageException("--test-results " + directory + ": not a directory");
                }
            }
            MonitorConfig config = config(arguments, env);
            SurefireReports reports = SurefireReports.read(arguments.testResults());
            if (reports.files() == 0) {
                throw new CliArguments.UsageException("--test-results " + arguments.testResults()
                        + ": no TEST-*.xml report there");
            }
            int times = config.times() != null ? config.times() : mostRuns(reports.tests());
            warnAboutFewerRuns(reports.tests(), times, out);
            RunReport report = new RunReport(UUID.randomUUID().toString(), config.build(), config.appVersion(),
                    reports.startedAt().orElseGet(Instant::now), times, RunReport.SUREFIRE, reports.tests());
            RunPublisher.Result result = RunPublisher.publish(report, config, out);
            return result == RunPublisher.Result.REFUSED || result == RunPublisher.Result.FAILED ? UPLOAD_FAILED : OK;
        } catch (CliArguments.UsageException e) {
            err.println("fmd-testmonitor: " + e.getMessage());
            err.println("Try --help.");
            return USAGE;
        } catch (IOException e) {
            err.println("fmd-testmonitor: " + e.getMessage());
            return USAGE;
        }
    }

    private static MonitorConfig config(CliArguments arguments, Function<String, String> env)
            throws CliArguments.UsageException {
        try {
            return MonitorConfig.read(arguments, env);
        } catch (IllegalArgumentException e) {
            throw new CliArguments.UsageException(e.getMessage());
        }
    }

    private static int mostRuns(List<TestReport> tests) {
        int most = tests.stream().mapToInt(test -> test.durationsMs().size()).max().orElse(1);
        return Math.max(1, Math.min(MonitorConfig.MAX_TIMES, most));
    }

    private static void warnAboutFewerRuns(List<TestReport> tests, int times, PrintStream out) {
        List<TestReport> fewer = tests.stream()
                .filter(test -> test.outcome() != Outcome.SKIPPED && test.durationsMs().size() < times)
                .toList();
        if (fewer.isEmpty()) {
            return;
        }
        out.println(RunPublisher.WARNING + fewer.size() + " tests have fewer than " + times + " runs:");
        fewer.stream().limit(LISTED).forEach(test ->
                out.println("  " + test.name() + ": " + test.durationsMs().size() + " runs"));
        if (fewer.size() > LISTED) {
            out.println("  ... and " + (fewer.size() - LISTED) + " more");
        }
    }
}
