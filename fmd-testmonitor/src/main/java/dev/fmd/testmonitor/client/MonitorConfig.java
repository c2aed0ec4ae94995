package dev.fmd.testmonitor.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The client's settings, the same for the extension and the CLI. Each is read from a configuration parameter (for
 * the extension JUnit's, which include system properties; for the CLI its options, then system properties), then
 * from the environment; blank values count as unset.
 * <table>
 * <tr><th>parameter</th><th>environment</th><th>meaning</th></tr>
 * <tr><td>fmd.testmonitor.url</td><td>FMD_TESTMONITOR_URL</td><td>dashboard URL; unset: summary only</td></tr>
 * <tr><td>fmd.testmonitor.token</td><td>FMD_TESTMONITOR_TOKEN</td><td>upload token; unset: no tags, no upload</td></tr>
 * <tr><td>fmd.testmonitor.times</td><td>FMD_TESTMONITOR_TIMES</td><td>runs per test, 1..100</td></tr>
 * <tr><td>fmd.testmonitor.build</td><td>FMD_TESTMONITOR_BUILD, GITHUB_RUN_NUMBER, BUILD_NUMBER, CI_PIPELINE_ID</td>
 * <td>build number</td></tr>
 * <tr><td>fmd.testmonitor.app-version</td><td>FMD_TESTMONITOR_APP_VERSION</td><td>app version (else the server's)</td></tr>
 * </table>
 *
 * @param times null when not configured (the extension then runs {@value #DEFAULT_TIMES} times)
 */
record MonitorConfig(String url, String token, Integer times, String build, String appVersion) {

    static final String URL = "fmd.testmonitor.url";
    static final String TOKEN = "fmd.testmonitor.token";
    static final String TIMES = "fmd.testmonitor.times";
    static final String BUILD = "fmd.testmonitor.build";
    static final String APP_VERSION = "fmd.testmonitor.app-version";
    static final int DEFAULT_TIMES = 5;
    static final int MAX_TIMES = 100;
    static final int MAX_LABEL = 100;

    /** Where configuration parameters come from; {@link #describe} names a key's origin in error messages. */
    interface Parameters {
        Optional<String> get(String key);

        default String describe(String key) {
            return key;
        }
    }

    /**
     * Reads every setting: the parameter, else the environment variables in order.
     *
     * @throws IllegalArgumentException naming the setting when {@code times} is not an integer 1..100 or the build
     *                                  or app version is longer than 100 characters
     */
    static MonitorConfig read(Parameters parameters, Function<String, String> env) {
        Optional<Setting> times = setting(parameters, env, TIMES, "FMD_TESTMONITOR_TIMES");
        return new MonitorConfig(
                value(parameters, env, URL, "FMD_TESTMONITOR_URL"),
                value(parameters, env, TOKEN, "FMD_TESTMONITOR_TOKEN"),
                times.map(MonitorConfig::times).orElse(null),
                label(setting(parameters, env, BUILD,
                        "FMD_TESTMONITOR_BUILD", "GITHUB_RUN_NUMBER", "BUILD_NUMBER", "CI_PIPELINE_ID")),
                label(setting(parameters, env, APP_VERSION, "FMD_TESTMONITOR_APP_VERSION")));
    }

    /** The configured repetitions, else {@value #DEFAULT_TIMES}. */
    int timesOrDefault() {
        return times == null ? DEFAULT_TIMES : times;
    }

    /** The upload address: the dashboard URL followed by {@code /api/test-runs}. */
    String uploadUrl() {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return base + "/api/test-runs";
    }

    /** Without the token, which is a secret. */
    @Override
    public String toString() {
        return "MonitorConfig[url=" + url + ", token=" + (token == null ? "unset" : "***") + ", times=" + times
                + ", build=" + build + ", appVersion=" + appVersion + "]";
    }

    /** A value and where it came from (a parameter key as described, or an environment variable). */
    private record Setting(String value, String origin) {
    }

    private static String value(Parameters parameters, Function<String, String> env, String key, String... envNames) {
        return setting(parameters, env, key, envNames).map(Setting::value).orElse(null);
    }

    private static Optional<Setting> setting(Parameters parameters, Function<String, String> env, String key,
                                             String... envNames) {
        Optional<String> parameter = parameters.get(key).map(String::trim).filter(v -> !v.isEmpty());
        if (parameter.isPresent()) {
            return Optional.of(new Setting(parameter.get(), parameters.describe(key)));
        }
        for (String name : List.of(envNames)) {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new Setting(value.trim(), name));
            }
        }
        return Optional.empty();
    }

    private static int times(Setting setting) {
        try {
            int times = Integer.parseInt(setting.value());
            if (times >= 1 && times <= MAX_TIMES) {
                return times;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(setting.origin() + " must be an integer from 1 to " + MAX_TIMES
                + ", was '" + setting.value() + "'");
    }

    private static String label(Optional<Setting> setting) {
        setting.filter(s -> s.value().length() > MAX_LABEL).ifPresent(s -> {
            throw new IllegalArgumentException(s.origin() + " must be at most " + MAX_LABEL + " characters, was '"
                    + s.value() + "'");
        });
        return setting.map(Setting::value).orElse(null);
    }
}
