package dev.fmd.testmonitor.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link FmdTestMonitorCli}: {@code --test-results DIR} (repeatable) and the settings
 * {@code --url}, {@code --token}, {@code --times}, {@code --build}, {@code --app-version}, each as
 * {@code --name value} or {@code --name=value}; {@code --help}. The settings are configuration parameters of
 * {@link MonitorConfig} (given options first, then system properties, then the environment).
 */
record CliArguments(List<Path> testResults, Map<String, String> parameters, boolean help)
        implements MonitorConfig.Parameters {

    /** A command line that cannot be run; the message names the argument. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static final String USAGE = """
            Usage: java -jar fmd-testmonitor.jar --test-results DIR [--test-results DIR ...]
                   [--times N] [--url DASHBOARD_URL] [--token TOKEN] [--build BUILD] [--app-version VERSION]

            Reads the Surefire/Failsafe reports (TEST-*.xml) in each DIR, prints a summary per test and, with a
            URL and a token, uploads them to the fmd dashboard (POST DASHBOARD_URL/api/test-runs).
              --test-results DIR  a directory of TEST-*.xml reports, e.g. target/surefire-reports (repeatable)
              --times N           the runs each test was meant to have, 1..100 (default: the most any test had)
              --url URL           the dashboard, e.g. http://host:8080/app/fmd   (else FMD_TESTMONITOR_URL)
              --token TOKEN       the upload token, fmd.testmonitor-token        (else FMD_TESTMONITOR_TOKEN)
              --build BUILD       build number (else FMD_TESTMONITOR_BUILD, GITHUB_RUN_NUMBER, BUILD_NUMBER,
                                  CI_PIPELINE_ID)
              --app-version V     the tested app's version (else FMD_TESTMONITOR_APP_VERSION, else the server's)
              --help              this text
            Exit status: 0 done (uploaded, or summary only), 1 upload refused or failed, 2 bad usage or reports.
            """;

    private static final Map<String, String> SETTINGS = Map.of(
            "--url", MonitorConfig.URL,
            "--token", MonitorConfig.TOKEN,
            "--times", MonitorConfig.TIMES,
            "--build", MonitorConfig.BUILD,
            "--app-version", MonitorConfig.APP_VERSION);

    static CliArguments parse(String... args) throws UsageException {
        List<Path> testResults = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String option = equals > 0 && arg.startsWith("--") ? arg.substring(0, equals) : arg;
            if (!option.equals("--test-results") && !SETTINGS.containsKey(option)) {
                throw new UsageException("unknown argument '" + arg + "'");
            }
            String value;
            if (equals > 0 && arg.startsWith("--")) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException(option + " needs a value");
            }
            if (value.isBlank()) {
                throw new UsageException(option + " needs a value");
            }
            if (option.equals("--test-results")) {
                testResults.add(Path.of(value));
            } else if (parameters.put(SETTINGS.get(option), value) != null) {
                throw new UsageException(option + " given twice");
            }
        }
        if (!help && testResults.isEmpty()) {
            throw new UsageException("--test-results DIR is required");
        }
        return new CliArguments(List.copyOf(testResults), Map.copyOf(parameters), help);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(parameters.get(key)).or(() -> Optional.ofNullable(System.getProperty(key)));
    }

    @Override
    public String describe(String key) {
        if (parameters.containsKey(key)) {
            return SETTINGS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey)
                    .findFirst().orElse(key);
        }
        return key;
    }

    /** Without the token, which is a secret. */
    @Override
    public String toString() {
        return "CliArguments[testResults=" + testResults + ", settings=" + parameters.keySet() + ", help=" + help + "]";
    }
}
