package dev.fmd.query;

import java.time.Instant;

/**
 * One upload of a test suite's results.
 *
 * @param id         the run's id
 * @param runKey     the key the client chose, which its tagged requests carried ({@code X-Fmd-Test-Run})
 * @param build      the CI build number ({@code GITHUB_RUN_NUMBER}, {@code BUILD_NUMBER}, ...), or null
 * @param appVersion the application version the tests ran against
 * @param startedAt  when the suite started
 * @param uploadedAt when its results arrived
 * @param times      how many times each test was meant to run
 * @param tests      how many tests it has
 * @param failed     how many of them failed (in at least one of their runs)
 * @param source     what collected them: {@code junit5} (the extension) or {@code surefire} (the command line)
 */
public record TestRun(long id, String runKey, String build, String appVersion, Instant startedAt, Instant uploadedAt,
                      int times, int tests, int failed, String source) {

    /** @return the build number, or the start time when the run has none: what a chart's axis shows */
    public String label() {
        return build != null && !build.isEmpty() ? "#" + build : startedAt.toString();
    }
}
