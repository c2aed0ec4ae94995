package dev.fmd.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The validated {@code fmd.*} configuration, read once at deployment through MicroProfile Config (so environment
 * variables such as {@code FMD_MONITOR_LEVEL} override {@code microprofile-config.properties}).
 * <p>
 * Every value is checked before anything starts; all wrong values are reported together in one
 * {@link InvalidConfigException}, which fails the deployment.
 *
 * @param enabled            {@code fmd.enabled}: false turns fmd off entirely
 * @param autoBind           {@code fmd.auto-bind}: monitor every resource method, or only {@code @Monitored} ones
 * @param appVersion         the version stored with each request: from {@code fmd.git} if set, else
 *                           {@code fmd.app-version}
 * @param monitorLevel       {@code fmd.monitor-level}: the level new endpoints start with (0..3)
 * @param samplingPeriodMs   {@code fmd.sampling-period}: profiler sampling period in ms (0 = as fast as possible)
 * @param trustedProxies     {@code fmd.trusted-proxies}: proxies whose forwarding headers are believed
 * @param datasource         {@code fmd.datasource}: JNDI name of the datasource fmd stores into
 * @param tablePrefix        {@code fmd.table-prefix}: prefix of every fmd table
 * @param queueCapacity      {@code fmd.queue-capacity}: measurements held in memory at most before dropping
 * @param batchSize          {@code fmd.batch-size}: measurements written per transaction at most
 * @param flushIntervalMs    {@code fmd.flush-interval}: longest time in ms a measurement waits to be written
 * @param instance           {@code fmd.instance}: the name of this server instance
 * @param outlierConstant    {@code fmd.outlier-detection-constant}: a request is an outlier beyond this many times
 *                           its endpoint's average
 * @param outlierWarmup      {@code fmd.outlier-warmup}: requests of an endpoint never judged outliers
 * @param redact             {@code fmd.redact}: header and parameter names containing any of these (ignoring case)
 *                           are stored as {@code [redacted]}, besides Authorization, Proxy-Authorization, Cookie,
 *                           Set-Cookie and jsessionid; a URL path segment after one of these words too (see
 *                           {@link dev.fmd.outlier.Redactor})
 * @param outlierMaxField    {@code fmd.outlier-max-field}: characters kept per stored outlier field
 * @param levelRefreshMs     {@code fmd.level-refresh}: how often, in ms, levels changed by other instances are read
 * @param adminToken         {@code fmd.admin-token}: bearer token of the admin JSON API; empty disables the API
 * @param profilerRate       {@code fmd.profiler-rate}: call trees kept per second and endpoint at most (bursts of
 *                           twice as many), so that level 3 stays cheap and bounded under load
 * @param outlierRate        {@code fmd.outlier-rate}: outlier contexts kept per second and endpoint at most (bursts of
 *                           twice as many), so that an endpoint whose requests often pass the threshold stays cheap
 *                           and its outlier table bounded; the others are counted ({@code fmd_outliers_over_budget_total})
 * @param retentionDays      {@code fmd.retention-days}: days raw requests, call trees and outliers are kept
 * @param rollupRetentionDays {@code fmd.rollup-retention-days}: days the rollups the pages read are kept
 * @param topValues          {@code fmd.top-values}: distinct users and IPs kept per endpoint and day in the rollups;
 *                           the others are counted together as {@code (other)}
 * @param metricsToken       {@code fmd.metrics-token}: bearer token of {@code /fmd/metrics}; empty: see metricsPublic
 * @param metricsPublic      {@code fmd.metrics-public}: serve {@code /fmd/metrics} without a token
 * @param testmonitorToken   {@code fmd.testmonitor-token}: bearer token a CI pipeline uploads test runs with
 *                           ({@code POST /fmd/api/test-runs}), and that makes the test tags of its requests believed
 *                           ({@code X-Fmd-Test-Token}); empty: uploads are off and tags ignored
 * @param dashboard          the dashboard's settings ({@code fmd.custom-link}, logins, time zone, colours)
 */
public record FmdConfig(boolean enabled, boolean autoBind, String appVersion, int monitorLevel, int samplingPeriodMs,
                        TrustedProxies trustedProxies, String datasource, String tablePrefix, int queueCapacity,
                        int batchSize, int flushIntervalMs, String instance, double outlierConstant,
                        int outlierWarmup, java.util.List<String> redact, int outlierMaxField, int levelRefreshMs,
                        String adminToken, double profilerRate, double outlierRate, int retentionDays,
                        int rollupRetentionDays, int topValues, String metricsToken, boolean metricsPublic,
                        String testmonitorToken, DashboardSettings dashboard) {

    /** The key of each setting, as written in {@code microprofile-config.properties}. */
    public static final String ENABLED = "fmd.enabled";
    public static final String AUTO_BIND = "fmd.auto-bind";
    public static final String APP_VERSION = "fmd.app-version";
    public static final String GIT = "fmd.git";
    public static final String MONITOR_LEVEL = "fmd.monitor-level";
    public static final String SAMPLING_PERIOD = "fmd.sampling-period";
    public static final String TRUSTED_PROXIES = "fmd.trusted-proxies";
    public static final String DATASOURCE = "fmd.datasource";
    public static final String TABLE_PREFIX = "fmd.table-prefix";
    public static final String QUEUE_CAPACITY = "fmd.queue-capacity";
    public static final String BATCH_SIZE = "fmd.batch-size";
    public static final String FLUSH_INTERVAL = "fmd.flush-interval";
    public static final String INSTANCE = "fmd.instance";
    public static final String OUTLIER_CONSTANT = "fmd.outlier-detection-constant";
    public static final String OUTLIER_WARMUP = "fmd.outlier-warmup";
    public static final String REDACT = "fmd.redact";
    public static final String OUTLIER_MAX_FIELD = "fmd.outlier-max-field";
    public static final String LEVEL_REFRESH = "fmd.level-refresh";
    public static final String ADMIN_TOKEN = "fmd.admin-token";
    public static final String PROFILER_RATE = "fmd.profiler-rate";
    public static final String OUTLIER_RATE = "fmd.outlier-rate";
    public static final String RETENTION_DAYS = "fmd.retention-days";
    public static final String ROLLUP_RETENTION_DAYS = "fmd.rollup-retention-days";
    public static final String TOP_VALUES = "fmd.top-values";
    public static final String METRICS_TOKEN = "fmd.metrics-token";
    public static final String METRICS_PUBLIC = "fmd.metrics-public";
    public static final String TESTMONITOR_TOKEN = "fmd.testmonitor-token";
    public static final String CUSTOM_LINK = "fmd.custom-link";
    public static final String USERNAME = "fmd.username";
    public static final String PASSWORD = "fmd.password";
    public static final String GUEST_USERNAME = "fmd.guest-username";
    public static final String GUEST_PASSWORD = "fmd.guest-password";
    public static final String ADMIN_ROLE = "fmd.admin-role";
    public static final String GUEST_ROLE = "fmd.guest-role";
    public static final String TIMEZONE = "fmd.timezone";
    public static final String COLORS = "fmd.colors";

    /** The words of {@code fmd.redact} when it is not set. */
    public static final String DEFAULT_REDACT =
            "token,password,passwd,secret,api-key,apikey,credential,session,auth,signature,jwt,key,code";

    /** The server's default datasource, which every Jakarta EE server provides. */
    public static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";

    private static final Pattern LINK_SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern COLOR_SYNTAX = Pattern.compile("#[0-9A-Fa-f]{3}([0-9A-Fa-f]{3})?|[a-z]{3,20}");
    private static final Pattern TABLE_PREFIX_SYNTAX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,19}");

    /**
     * Reads and validates every key.
     *
     * @param source      the raw value of a key, e.g. {@code key -> config.getOptionalValue(key, String.class)}
     * @param defaultName the instance name when {@code fmd.instance} is not set
     * @return the configuration
     * @throws InvalidConfigException naming every key whose value is wrong
     */
    public static FmdConfig read(Function<String, Optional<String>> source, String defaultName) {
        Reader reader = new Reader(source);
        boolean enabled = reader.bool(ENABLED, true);
        boolean autoBind = reader.bool(AUTO_BIND, true);
        String appVersion = reader.appVersion();
        int monitorLevel = reader.integer(MONITOR_LEVEL, 1, 0, 3);
        int samplingPeriod = reader.integer(SAMPLING_PERIOD, 5, 0, 60_000);
        TrustedProxies proxies = reader.proxies();
        String datasource = reader.text(DATASOURCE, DEFAULT_DATASOURCE);
        String prefix = reader.tablePrefix();
        int queueCapacity = reader.integer(QUEUE_CAPACITY, 10_000, 1, 10_000_000);
        int batchSize = reader.integer(BATCH_SIZE, 500, 1, 10_000);
        int flushInterval = reader.integer(FLUSH_INTERVAL, 500, 10, 60_000);
        String instance = reader.text(INSTANCE, defaultName);
        double outlierConstant = reader.decimal(OUTLIER_CONSTANT, 2.5, 1.0, 1000.0);
        int outlierWarmup = reader.integer(OUTLIER_WARMUP, 10, 0, 1_000_000);
        java.util.List<String> redact = reader.list(REDACT, DEFAULT_REDACT);
        int outlierMaxField = reader.integer(OUTLIER_MAX_FIELD, 8192, 256, 1_048_576);
        int levelRefresh = reader.integer(LEVEL_REFRESH, 2000, 100, 600_000);
        String adminToken = reader.adminToken();
        double profilerRate = reader.decimal(PROFILER_RATE, 10, 0, 10_000);
        double outlierRate = reader.decimal(OUTLIER_RATE, 2, 0, 10_000);
        int retentionDays = reader.integer(RETENTION_DAYS, 30, 1, 36_500);
        int rollupRetentionDays = reader.integer(ROLLUP_RETENTION_DAYS, 730, 1, 36_500);
        if (rollupRetentionDays < retentionDays) {
            reader.problem(ROLLUP_RETENTION_DAYS, String.valueOf(rollupRetentionDays),
                    "expected at least " + RETENTION_DAYS + " (" + retentionDays + "): the pages read the rollups");
        }
        int topValues = reader.integer(TOP_VALUES, 100, 1, 10_000);
        String metricsToken = reader.token(METRICS_TOKEN, "disable the metrics token");
        boolean metricsPublic = reader.bool(METRICS_PUBLIC, false);
        String testmonitorToken = reader.token(TESTMONITOR_TOKEN, "turn test-run uploads off");
        DashboardSettings dashboard = reader.dashboard();
        reader.failOnProblems();
        return new FmdConfig(enabled, autoBind, appVersion, monitorLevel, samplingPeriod, proxies, datasource, prefix,
                queueCapacity, batchSize, flushInterval, instance, outlierConstant, outlierWarmup, redact,
                outlierMaxField, levelRefresh, adminToken, profilerRate, outlierRate, retentionDays,
                rollupRetentionDays, topValues, metricsToken, metricsPublic, testmonitorToken, dashboard);
    }

    /** @return every setting, with the tokens and passwords shown only as set or not */
    @Override
    public String toString() {
        return "FmdConfig[enabled=" + enabled + ", autoBind=" + autoBind + ", appVersion=" + appVersion
                + ", monitorLevel=" + monitorLevel + ", samplingPeriodMs=" + samplingPeriodMs + ", trustedProxies="
                + trustedProxies + ", datasource=" + datasource + ", tablePrefix=" + tablePrefix + ", queueCapacity="
                + queueCapacity + ", batchSize=" + batchSize + ", flushIntervalMs=" + flushIntervalMs + ", instance="
                + instance + ", outlierConstant=" + outlierConstant + ", outlierWarmup=" + outlierWarmup
                + ", redact=" + redact + ", outlierMaxField=" + outlierMaxField + ", levelRefreshMs="
                + levelRefreshMs + ", adminToken=" + (adminToken.isEmpty() ? "(none)" : "(set)") + ", profilerRate="
                + profilerRate + ", outlierRate=" + outlierRate + ", retentionDays=" + retentionDays + ", rollupRetentionDays=" + rollupRetentionDays
                + ", topValues=" + topValues + ", metricsToken=" + (metricsToken.isEmpty() ? "(none)" : "(set)")
                + ", metricsPublic=" + metricsPublic + ", testmonitorToken="
                + (testmonitorToken.isEmpty() ? "(none)" : "(set)") + ", dashboard=" + dashboard + "]";
    }

    /** Collects every problem instead of stopping at the first. */
    private static final class Reader {

        private final Function<String, Optional<String>> source;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> source) {
            this.source = source;
        }

        private Optional<String> raw(String key) {
            return source.apply(key).map(String::trim);
        }

        void problem(String key, String value, String expected) {
            problems.add(key + "=" + value + ": " + expected);
        }

        /** Parses a key's value, or reports it with what is expected; a missing key takes the fallback. */
        private <T> T value(String key, T fallback, Function<String, T> parse, Predicate<T> valid, String expected) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                T parsed = parse.apply(value.get());
                if (valid.test(parsed)) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            problem(key, value.get(), expected);
            return fallback;
        }

        boolean bool(String key, boolean fallback) {
            return value(key, fallback, v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(v);
            }, v -> true, "expected true or false");
        }

        int integer(String key, int fallback, int min, int max) {
            return value(key, fallback, Integer::parseInt, v -> v >= min && v <= max,
                    "expected an integer from " + min + " to " + max);
        }

        double decimal(String key, double fallback, double min, double max) {
            return value(key, fallback, Double::parseDouble, v -> v > min && v <= max,
                    "expected a number greater than " + min + " and at most " + max);
        }

        java.util.List<String> list(String key, String fallback) {
            String value = raw(key).orElse(fallback);
            return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
        }

        String adminToken() {
            return token(ADMIN_TOKEN, "disable the admin API");
        }

        /** A secret of 16 characters or more; its value never appears in a message. */
        String token(String key, String whatEmptyDoes) {
            String token = raw(key).orElse("");
            if (!token.isEmpty() && token.length() < 16) {
                problem(key, "(" + token.length() + " characters, not shown)",
                        "expected at least 16 characters, or no value to " + whatEmptyDoes);
                return "";
            }
            return token;
        }

        String text(String key, String fallback) {
            Optional<String> value = raw(key).filter(v -> !v.isEmpty());
            return value.orElse(fallback);
        }

        String appVersion() {
            Optional<String> git = raw(GIT).filter(v -> !v.isEmpty());
            if (git.isPresent()) {
                try {
                    return GitHead.commitOf(Path.of(git.get()));
                } catch (IOException | RuntimeException e) {
                    problem(GIT, git.get(), "expected the path of a readable .git folder (" + e.getMessage() + ")");
                    return "unknown";
                }
            }
            String version = text(APP_VERSION, "1.0");
            if (version.length() > 100) {
                problem(APP_VERSION, version, "expected at most 100 characters");
            }
            return version;
        }

        TrustedProxies proxies() {
            Optional<String> value = raw(TRUSTED_PROXIES);
            try {
                return value.map(TrustedProxies::parse).orElse(TrustedProxies.NONE);
            } catch (IllegalArgumentException e) {
                problem(TRUSTED_PROXIES, value.get(), "expected IP addresses or CIDR ranges separated by commas; "
                        + e.getMessage());
                return TrustedProxies.NONE;
            }
        }

        String tablePrefix() {
            String prefix = raw(TABLE_PREFIX).orElse("fmd_");
            if (!prefix.isEmpty() && !TABLE_PREFIX_SYNTAX.matcher(prefix).matches()) {
                problem(TABLE_PREFIX, prefix, "expected a letter followed by at most 19 letters, digits or '_'");
                return "fmd_";
            }
            return prefix;
        }

        DashboardSettings dashboard() {
            DashboardSettings defaults = DashboardSettings.DEFAULTS;
            String link = raw(CUSTOM_LINK).map(v -> v.replaceAll("^/+|/+$", "")).orElse(defaults.link());
            if (!LINK_SYNTAX.matcher(link).matches()) {
                problem(CUSTOM_LINK, link, "expected one path segment of letters, digits, '_', '.' or '-', e.g. "
                        + "monitoring");
                link = defaults.link();
            }
            java.time.ZoneId zone = value(TIMEZONE, null, v -> v.isEmpty() ? null : java.time.ZoneId.of(v),
                    v -> true, "expected a time zone such as Europe/Amsterdam, UTC or +02:00, or no value for the "
                            + "browser's");
            java.util.Map<String, String> colors = new java.util.LinkedHashMap<>();
            for (String entry : raw(COLORS).orElse("").split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.lastIndexOf('=');
                String color = equals < 0 ? "" : entry.substring(equals + 1).trim();
                if (equals < 1 || !COLOR_SYNTAX.matcher(color).matches()) {
                    problem(COLORS, entry.trim(), "expected endpoint=colour pairs separated by commas, e.g. "
                            + "OrderResource.list=#1f77b4 (colours as #rgb, #rrggbb or a CSS name)");
                    continue;
                }
                colors.put(entry.substring(0, equals).trim(), color);
            }
            String username = text(USERNAME, defaults.username());
            String guestUsername = text(GUEST_USERNAME, defaults.guestUsername());
            String password = password(PASSWORD);
            String guestPassword = password(GUEST_PASSWORD);
            if (!password.isEmpty() && !guestPassword.isEmpty() && username.equals(guestUsername)) {
                problem(GUEST_USERNAME, guestUsername, "expected a name other than " + USERNAME + "'s: the admin and "
                        + "the guest log in with different names");
            }
            return new DashboardSettings(link, username, password, guestUsername, guestPassword,
                    raw(ADMIN_ROLE).orElse(""), raw(GUEST_ROLE).orElse(""), zone, colors);
        }

        /** A password, plain or hashed ({@link Passwords}); its value never appears in a message. */
        String password(String key) {
            String password = raw(key).orElse("");
            String wrong = password.isEmpty() ? null : Passwords.problem(password);
            if (wrong != null) {
                problem(key, "(" + (Passwords.isHashed(password) ? "a hash" : password.length() + " characters")
                        + ", not shown)", wrong);
                return "";
            }
            return password;
        }

        void failOnProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
        }
    }
}
