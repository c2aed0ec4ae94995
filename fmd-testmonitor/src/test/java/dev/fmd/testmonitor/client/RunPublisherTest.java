package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPublisherTest {

    private static final RunReport REPORT = new RunReport("run-5", "7", "1.0", Instant.parse("2026-12-06T10:00:00Z"), 2,
            RunReport.JUNIT5, List.of(new TestReport("com.acme.OrderIT#places", Outcome.PASSED, List.of(3.0, 5.0), 1,
                    "java.lang.AssertionError: once", List.of("a note"))));

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static MonitorConfig config(String url, String token) {
        return new MonitorConfig(url, token, 2, "7", "1.0");
    }

    @Test
    void postsTheRunWithTheTokenAndPrintsTheAnswer() throws Exception {
        try (LocalDashboard dashboard = new LocalDashboard().answering(201, "{\"id\":17,\"run\":\"run-5\",\"tests\":1}")) {
            RunPublisher.Result result = RunPublisher.publish(REPORT, config(dashboard.url("/app/fmd/"), "s3cret"), out);
            assertEquals(RunPublisher.Result.UPLOADED, result);
            LocalDashboard.Request upload = dashboard.requests().get(0);
            assertEquals("POST", upload.method());
            assertEquals("/app/fmd/api/test-runs", upload.path());
            assertEquals("Bearer s3cret", upload.header("Authorization"));
            assertEquals("application/json", upload.header("Content-Type"));
            assertEquals(REPORT.toJson(), upload.body());
            assertTrue(printed().contains("201 {\"id\":17,\"run\":\"run-5\",\"tests\":1}"), printed());
        }
    }

    @Test
    void printsTheSummaryTable() {
        RunPublisher.publish(REPORT, config(null, null), out);
        String[] lines = printed().split("\\R");
        assertEquals("test                     outcome  runs  median ms  mean ms  min ms  max ms  failures", lines[1]);
        assertEquals("com.acme.OrderIT#places  passed      2      4.000    4.000   3.000   5.000         1", lines[2]);
        assertTrue(printed().contains("com.acme.OrderIT#places: a note"), printed());
        assertTrue(printed().contains("com.acme.OrderIT#places: first failure: java.lang.AssertionError: once"));
    }

    @Test
    void aRefusedUploadIsAWarningNotAnException() throws Exception {
        try (LocalDashboard dashboard = new LocalDashboard()
                .answering(400, "{\"error\":\"times must be 1..100\",\"field\":\"times\"}")) {
            RunPublisher.Result result = RunPublisher.publish(REPORT, config(dashboard.url("/fmd"), "t"), out);
            assertEquals(RunPublisher.Result.REFUSED, result);
            assertTrue(printed().contains("WARNING: the dashboard refused run run-5"), printed());
            assertTrue(printed().contains("400 {\"error\":\"times must be 1..100\",\"field\":\"times\"}"), printed());
        }
    }

    @Test
    void anUnreachableDashboardIsAWarningNotAnException() throws Exception {
        String url;
        try (LocalDashboard gone = new LocalDashboard()) {
            url = gone.url("/fmd");
        }
        assertEquals(RunPublisher.Result.FAILED, RunPublisher.publish(REPORT, config(url, "t"), out));
        assertTrue(printed().contains("WARNING: could not upload run run-5 to " + url + "/api/test-runs"), printed());
    }

    @Test
    void anInvalidUrlIsAWarningNotAnException() {
        assertEquals(RunPublisher.Result.FAILED, RunPublisher.publish(REPORT, config("ftp://h/fmd", "t"), out));
        assertEquals(RunPublisher.Result.FAILED, RunPublisher.publish(REPORT, config("not a url", "t"), out));
    }

    @Test
    void withoutATokenNothingIsSentAndTheSummarySaysWhy() throws Exception {
        try (LocalDashboard dashboard = new LocalDashboard()) {
            assertEquals(RunPublisher.Result.NOT_UPLOADED, RunPublisher.publish(REPORT, config(dashboard.url("/fmd"), null), out));
            assertEquals(List.of(), dashboard.requests());
            assertTrue(printed().contains("WARNING: fmd.testmonitor.url is set but no token"), printed());
        }
    }

    @Test
    void withoutAUrlOnlyTheSummaryIsPrinted() {
        assertEquals(RunPublisher.Result.NOT_UPLOADED, RunPublisher.publish(REPORT, config(null, "t"), out));
        assertTrue(printed().contains("no dashboard URL"), printed());
    }
}
