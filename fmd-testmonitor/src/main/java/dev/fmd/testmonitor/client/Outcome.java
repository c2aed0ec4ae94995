package dev.fmd.testmonitor.client;

import java.util.Locale;

/** A test's outcome in a run, as the upload names it. */
enum Outcome {
    PASSED, FAILED, SKIPPED;

    /** {@code "passed"}, {@code "failed"} or {@code "skipped"}. */
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
