package dev.fmd.testmonitor.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects one test's runs while a run is measured (by the extension) or read (from Surefire reports), then turns
 * them into a {@link TestReport}. Thread-safe: tests may run in parallel.
 * <p>
 * Outcome: {@code failed} once {@link #markFailed} was called, else {@code passed} when a run passed or was
 * measured, else {@code skipped}. The first failure message (of a run or of the test) is kept. At most
 * {@value #MAX_RUNS} runs are kept (the server's limit); later runs are left out with a note.
 */
final class TestTally {

    static final int MAX_RUNS = 100;
    static final int MAX_MESSAGE = 2000;

    private final String name;
    private final List<Double> durationsMs = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private int failures;
    private int leftOut;
    private String message;
    private boolean failed;
    private boolean passed;
    private boolean skipped;

    TestTally(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** One measured run; {@code failure} is its failure message, null when it passed. */
    synchronized void addRun(double durationMs, String failure) {
        if (durationsMs.size() >= MAX_RUNS) {
            leftOut++;
            return;
        }
        durationsMs.add(Math.max(0, durationMs));
        if (failure != null) {
            failures++;
            keepMessage(failure);
        }
    }

    synchronized void markPassed() {
        passed = true;
    }

    synchronized void markFailed(String failure) {
        failed = true;
        keepMessage(failure);
    }

    synchronized void markSkipped() {
        skipped = true;
    }

    /** A remark for the printed summary (each distinct one once). */
    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized TestReport report() {
        Outcome outcome = failed ? Outcome.FAILED
                : passed || !durationsMs.isEmpty() || !skipped ? Outcome.PASSED : Outcome.SKIPPED;
        List<String> allNotes = new ArrayList<>(notes);
        if (leftOut > 0) {
            allNotes.add(leftOut + " runs beyond the first " + MAX_RUNS + " left out");
        }
        return new TestReport(name, outcome, durationsMs, failures, message, allNotes);
    }

    /** The message of a failure as the summary and upload show it: the throwable's class and message. */
    static String messageOf(Throwable failure) {
        return failure.toString();
    }

    private void keepMessage(String failure) {
        if (message == null && failure != null) {
            message = failure.length() <= MAX_MESSAGE ? failure : failure.substring(0, MAX_MESSAGE);
        }
    }
}
