package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTallyTest {

    private final TestTally tally = new TestTally("a.B#c");

    @Test
    void keepsTheFirstHundredRunsWithANote() {
        for (int i = 0; i < 102; i++) {
            tally.addRun(i, i >= 100 ? "late failure" : null);
        }
        TestReport report = tally.report();
        assertEquals(100, report.durationsMs().size());
        assertEquals(0, report.failures());
        assertNull(report.message());
        assertEquals(List.of("2 runs beyond the first 100 left out"), report.notes());
    }

    @Test
    void failedWinsOverPassedWhichWinsOverSkipped() {
        tally.markSkipped();
        assertEquals(Outcome.SKIPPED, tally.report().outcome());
        tally.markPassed();
        assertEquals(Outcome.PASSED, tally.report().outcome());
        tally.markFailed("boom");
        assertEquals(Outcome.FAILED, tally.report().outcome());
        tally.markPassed();
        assertEquals(Outcome.FAILED, tally.report().outcome());
    }

    @Test
    void aMeasuredRunMakesASkippedInvocationsTestPassed() {
        tally.addRun(1.0, null);
        tally.markSkipped();
        assertEquals(Outcome.PASSED, tally.report().outcome());
    }

    @Test
    void keepsTheFirstFailureMessageCutTo2000Characters() {
        tally.addRun(1.0, "x".repeat(2500));
        tally.markFailed("second");
        assertEquals("x".repeat(2000), tally.report().message());
        assertEquals(1, tally.report().failures());
    }

    @Test
    void aNegativeDurationCountsAsZero() {
        tally.addRun(-0.5, null);
        assertEquals(List.of(0.0), tally.report().durationsMs());
    }
}
