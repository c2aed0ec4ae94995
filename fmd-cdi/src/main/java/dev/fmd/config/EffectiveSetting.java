package dev.fmd.config;

/**
 * One {@code fmd.*} key as fmd uses it, and where its value comes from, for the configuration page.
 *
 * @param key     the key, e.g. {@code fmd.monitor-level}
 * @param value   the value fmd uses (its default when the key is not set); a secret's is {@link #MASKED} or
 *                {@link #NOT_SET}, never the secret
 * @param source  where the value comes from, in words: {@code default}, {@code properties file},
 *                {@code system property}, {@code environment variable}, or the name of another config source
 * @param ordinal the source's MicroProfile Config ordinal (higher wins), or 0 for the default
 * @param secret  true when the value is masked
 */
public record EffectiveSetting(String key, String value, String source, int ordinal, boolean secret) {

    /** What a secret that is set shows instead of its value. */
    public static final String MASKED = "•••••• (set)";
    /** What a secret that is not set shows. */
    public static final String NOT_SET = "(not set)";
    /** The source of a key that no config source sets. */
    public static final String DEFAULT = "default";
}
