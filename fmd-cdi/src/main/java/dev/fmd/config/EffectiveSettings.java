package dev.fmd.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every {@code fmd.*} key fmd knows (each {@code fmd.} constant of {@link FmdConfig}), with the value fmd uses and
 * where it comes from, read from MicroProfile Config's {@link ConfigValue}; secrets (any key naming a password,
 * secret, token or key) masked.
 * <pre>
 * List&lt;EffectiveSetting&gt; settings = EffectiveSettings.of(config);
 * // [EffectiveSetting[key=fmd.admin-token, value=•••••• (set), source=properties file, ordinal=100, secret=true],
 * //  EffectiveSetting[key=fmd.app-version, value=1.4.0, source=properties file, ...],
 * //  EffectiveSetting[key=fmd.auto-bind, value=true, source=default, ordinal=0, secret=false], ...]
 * </pre>
 */
public final class EffectiveSettings {

    /** Keys whose values are secrets. */
    static final Pattern SECRET = Pattern.compile("password|secret|token|key", Pattern.CASE_INSENSITIVE);

    /** Every key fmd reads, sorted. */
    public static final List<String> KEYS = keys();

    private static final Map<String, Function<FmdConfig, Object>> VALUES = values();

    private EffectiveSettings() {
    }

    /**
     * @param config fmd's validated configuration (the values used)
     * @return every key, sorted, with the application's MicroProfile Config sources
     */
    public static List<EffectiveSetting> of(FmdConfig config) {
        Config sources = ConfigProvider.getConfig();
        return of(config, key -> {
            ConfigValue value = sources.getConfigValue(key);
            return value == null || value.getRawValue() == null ? null
                    : new Origin(value.getSourceName(), value.getSourceOrdinal(), value.getRawValue());
        });
    }

    /** Where a key's value comes from: a config source's name and ordinal, and the value as set there. */
    record Origin(String sourceName, int ordinal, String raw) {
    }

    /**
     * @param config  fmd's validated configuration
     * @param origins where each key is set, or null when it is not
     * @return every key, sorted
     */
    static List<EffectiveSetting> of(FmdConfig config, Function<String, Origin> origins) {
        List<EffectiveSetting> settings = new ArrayList<>();
        for (String key : KEYS) {
            Origin origin = origins.apply(key);
            Object used = key.equals(FmdConfig.GIT) ? (origin == null ? null : origin.raw())
                    : VALUES.getOrDefault(key, c -> origin == null ? null : origin.raw()).apply(config);
            String text = used == null ? "" : String.valueOf(used);
            boolean secret = SECRET.matcher(key.substring("fmd.".length())).find();
            String value = secret ? (text.isEmpty() ? EffectiveSetting.NOT_SET : EffectiveSetting.MASKED) : text;
            settings.add(origin == null ? new EffectiveSetting(key, value, EffectiveSetting.DEFAULT, 0, secret)
                    : new EffectiveSetting(key, value, sourceWord(origin.sourceName(), origin.ordinal()),
                    origin.ordinal(), secret));
        }
        return settings;
    }

    /**
     * @param sourceName a config source's name, as the server names it
     * @param ordinal    its ordinal
     * @return what a user calls it: {@code system property}, {@code environment variable}, {@code properties file}
     *         (Payara names {@code microprofile-config.properties} "Properties"), or the name itself
     */
    static String sourceWord(String sourceName, int ordinal) {
        String name = sourceName == null ? "" : sourceName.toLowerCase(Locale.ROOT);
        if (name.contains("system")) {
            return "system property";
        }
        if (name.contains("env")) {
            return "environment variable";
        }
        if (name.contains("properties") || (name.isEmpty() && ordinal == 100)) {
            return "properties file";
        }
        return sourceName == null || sourceName.isBlank() ? "ordinal " + ordinal : sourceName;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Field field : FmdConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("fmd.")) {
                        keys.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        keys.sort(null);
        return List.copyOf(keys);
    }

    /** @return how to read each key's value from the validated configuration */
    private static Map<String, Function<FmdConfig, Object>> values() {
        Map<String, Function<FmdConfig, Object>> values = new LinkedHashMap<>();
        values.put(FmdConfig.ENABLED, FmdConfig::enabled);
        values.put(FmdConfig.AUTO_BIND, FmdConfig::autoBind);
        values.put(FmdConfig.APP_VERSION, FmdConfig::appVersion);
        values.put(FmdConfig.MONITOR_LEVEL, FmdConfig::monitorLevel);
        values.put(FmdConfig.SAMPLING_PERIOD, FmdConfig::samplingPeriodMs);
        values.put(FmdConfig.TRUSTED_PROXIES, c -> String.valueOf(c.trustedProxies()).replaceAll("^\\[|]$", ""));
        values.put(FmdConfig.DATASOURCE, FmdConfig::datasource);
        values.put(FmdConfig.TABLE_PREFIX, FmdConfig::tablePrefix);
        values.put(FmdConfig.QUEUE_CAPACITY, FmdConfig::queueCapacity);
        values.put(FmdConfig.BATCH_SIZE, FmdConfig::batchSize);
        values.put(FmdConfig.FLUSH_INTERVAL, FmdConfig::flushIntervalMs);
        values.put(FmdConfig.INSTANCE, FmdConfig::instance);
        values.put(FmdConfig.OUTLIER_CONSTANT, FmdConfig::outlierConstant);
        values.put(FmdConfig.OUTLIER_WARMUP, FmdConfig::outlierWarmup);
        values.put(FmdConfig.REDACT, c -> String.join(",", c.redact()));
        values.put(FmdConfig.OUTLIER_MAX_FIELD, FmdConfig::outlierMaxField);
        values.put(FmdConfig.LEVEL_REFRESH, FmdConfig::levelRefreshMs);
        values.put(FmdConfig.ADMIN_TOKEN, FmdConfig::adminToken);
        values.put(FmdConfig.PROFILER_RATE, FmdConfig::profilerRate);
        values.put(FmdConfig.OUTLIER_RATE, FmdConfig::outlierRate);
        values.put(FmdConfig.RETENTION_DAYS, FmdConfig::retentionDays);
        values.put(FmdConfig.ROLLUP_RETENTION_DAYS, FmdConfig::rollupRetentionDays);
        values.put(FmdConfig.TOP_VALUES, FmdConfig::topValues);
        values.put(FmdConfig.METRICS_TOKEN, FmdConfig::metricsToken);
        values.put(FmdConfig.METRICS_PUBLIC, FmdConfig::metricsPublic);
        values.put(FmdConfig.TESTMONITOR_TOKEN, FmdConfig::testmonitorToken);
        values.put(FmdConfig.CUSTOM_LINK, c -> c.dashboard().link());
        values.put(FmdConfig.USERNAME, c -> c.dashboard().username());
        values.put(FmdConfig.PASSWORD, c -> c.dashboard().password());
        values.put(FmdConfig.GUEST_USERNAME, c -> c.dashboard().guestUsername());
        values.put(FmdConfig.GUEST_PASSWORD, c -> c.dashboard().guestPassword());
        values.put(FmdConfig.ADMIN_ROLE, c -> c.dashboard().adminRole());
        values.put(FmdConfig.GUEST_ROLE, c -> c.dashboard().guestRole());
        values.put(FmdConfig.TIMEZONE, c -> c.dashboard().timezone() == null ? "(the browser's)"
                : c.dashboard().timezone().getId());
        values.put(FmdConfig.COLORS, c -> c.dashboard().colors().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        return values;
    }

    /** @return the keys no value reader knows, for the test that keeps this class complete */
    static List<String> unknownKeys() {
        return KEYS.stream().filter(k -> !VALUES.containsKey(k) && !k.equals(FmdConfig.GIT)).toList();
    }
}
