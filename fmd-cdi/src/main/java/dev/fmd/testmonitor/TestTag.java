package dev.fmd.testmonitor;

import dev.fmd.config.Passwords;

import java.util.regex.Pattern;

/**
 * The test a request came from, as the Testmonitor's client tags it: the headers {@code X-Fmd-Test} (the test,
 * {@code Class#method}), {@code X-Fmd-Test-Run} (the run's key) and {@code X-Fmd-Test-Token} (the upload token,
 * {@code fmd.testmonitor-token}). A tag is believed only with the right token, compared in constant time, so that no
 * client can make its requests count as a test's.
 * <pre>
 * TestTag tag = TestTag.of(http.getHeader(TestTag.TEST), http.getHeader(TestTag.RUN), http.getHeader(TestTag.TOKEN),
 *         config.testmonitorToken());   // null unless all three are there and the token is right
 * </pre>
 *
 * @param runKey   the run's key, {@code [A-Za-z0-9._-]{1,64}}
 * @param testName the test, {@code Class#method}, at most {@value #MAX_NAME} characters
 */
public record TestTag(String runKey, String testName) {

    /** The header naming the test. */
    public static final String TEST = "X-Fmd-Test";
    /** The header naming the run. */
    public static final String RUN = "X-Fmd-Test-Run";
    /** The header carrying the upload token. */
    public static final String TOKEN = "X-Fmd-Test-Token";
    /** The longest test name kept. */
    public static final int MAX_NAME = 500;

    /** What a run key may be. */
    public static final Pattern RUN_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * @param test       the {@code X-Fmd-Test} header, or null
     * @param run        the {@code X-Fmd-Test-Run} header, or null
     * @param token      the {@code X-Fmd-Test-Token} header, or null
     * @param configured {@code fmd.testmonitor-token}; empty: no tag is believed
     * @return the tag, or null when a header is missing or malformed or the token is not the configured one
     */
    public static TestTag of(String test, String run, String token, String configured) {
        if (test == null || run == null || token == null || configured.isEmpty()
                || !Passwords.sameSecret(configured, token)) {
            return null;
        }
        String name = test.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || !printable(name) || !RUN_KEY.matcher(run).matches()) {
            return null;
        }
        return new TestTag(run, name);
    }

    /** @return whether the text has no control characters (a name shown on pages and stored as is) */
    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
