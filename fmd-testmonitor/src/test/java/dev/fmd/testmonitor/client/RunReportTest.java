package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {

    @Test
    void writesTheUploadBodyOfTheContract() {
        RunReport report = new RunReport("run-1", "42", null, Instant.parse("2026-12-06T10:00:00.123456Z"), 3,
                RunReport.JUNIT5, List.of(
                        new TestReport("a.B#c", Outcome.FAILED, List.of(12.5, 11.0, 10.9), 1, "boom \"x\"", List.of("n")),
                        new TestReport("a.B#d", Outcome.SKIPPED, List.of(), 0, null, List.of())));
        assertEquals("{\"run\":\"run-1\",\"build\":\"42\",\"appVersion\":null,\"startedAt\":\"2026-12-06T10:00:00.123Z\","
                + "\"times\":3,\"source\":\"junit5\",\"tests\":["
                + "{\"name\":\"a.B#c\",\"outcome\":\"failed\",\"durationsMs\":[12.5,11,10.9],\"failures\":1,"
                + "\"message\":\"boom \\\"x\\\"\"},"
                + "{\"name\":\"a.B#d\",\"outcome\":\"skipped\",\"durationsMs\":[],\"failures\":0,\"message\":null}]}",
                report.toJson());
    }
}
