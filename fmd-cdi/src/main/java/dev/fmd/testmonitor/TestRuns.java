package dev.fmd.testmonitor;

import java.util.OptionalLong;

/**
 * Where uploaded test runs are kept ({@code <prefix>test_run} and {@code <prefix>test_result}).
 * <pre>
 * OptionalLong id = runs.save(upload, config.appVersion());   // empty: a run with that key is stored already
 * </pre>
 */
public interface TestRuns {

    /**
     * Stores a run and its results in one transaction.
     *
     * @param upload         the validated upload
     * @param defaultVersion the application version to store when the upload names none
     * @return the run's id, or empty when a run with its key was stored before (nothing changes then)
     * @throws IllegalStateException when fmd's database is not ready
     */
    OptionalLong save(TestRunUpload upload, String defaultVersion);
}
