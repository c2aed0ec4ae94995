package dev.fmd.config;

import java.util.List;

/**
 * Thrown when one or more {@code fmd.*} values are wrong; the message names every such key, its value and what is
 * expected, so that the deployment fails once with everything the user has to fix.
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidConfigException(List<String> problems) {
        super("fmd cannot start, fix its configuration (microprofile-config.properties or environment): "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param key      the configuration key
     * @param value    its wrong value
     * @param expected what a right value looks like
     * @return the exception for one wrong key
     */
    public static InvalidConfigException of(String key, String value, String expected) {
        return new InvalidConfigException(List.of(key + "=" + value + ": " + expected));
    }

    /** @return one line per wrong key, e.g. {@code fmd.monitor-level=7: expected an integer from 0 to 3} */
    public List<String> problems() {
        return problems;
    }
}
