package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmdTestMonitorCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> env = Map.of();

    @BeforeEach
    void writeReports() throws IOException {
        SurefireReportsTest.write(dir.resolve("surefire"), "TEST-com.acme.OrderIT.xml", SurefireReportsTest.ORDER_IT);
        SurefireReportsTest.write(dir.resolve("failsafe"), "TEST-com.acme.StockIT.xml", SurefireReportsTest.STOCK_IT);
    }

    private int run(String... args) {
        return FmdTestMonitorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String surefire() {
        return dir.resolve("surefire").toString();
    }

    @Test
    void uploadsTheReportsAsASurefireRun() throws Exception {
        try (LocalDashboard dashboard = new LocalDashboard()) {
            int status = run("--test-results", surefire(), "--test-results=" + dir.resolve("failsafe"),
                    "--times", "2", "--url", dashboard.url("/fmd"), "--token", "tok", "--build", "12",
                    "--app-version", "1.4.0");
            assertEquals(0, status, err());
            LocalDashboard.Request upload = dashboard.requests().get(0);
            assertEquals("/fmd/api/test-runs", upload.path());
            assertEquals("Bearer tok", upload.header("Authorization"));
            String body = upload.body();
            assertTrue(body.contains("\"build\":\"12\",\"appVersion\":\"1.4.0\""), body);
            assertTrue(body.contains("\"times\":2,\"source\":\"surefire\""), body);
            assertTrue(body.contains("{\"name\":\"com.acme.OrderIT#placesOrder\",\"outcome\":\"failed\","
                    + "\"durationsMs\":[12,10,14],\"failures\":1,"), body);
            assertTrue(body.contains("{\"name\":\"com.acme.OrderIT#later\",\"outcome\":\"skipped\",\"durationsMs\":[],"), body);
            assertTrue(out().contains("com.acme.StockIT#counts"), out());
        }
    }

    @Test
    void warnsAboutTestsWithFewerRunsThanTimes() {
        assertEquals(0, run("--test-results", surefire(), "--times", "3"));
        assertTrue(out().contains("WARNING: 4 tests have fewer than 3 runs:"), out());
        assertTrue(out().contains("  com.acme.OrderIT#addsUp: 2 runs"), out());
    }

    @Test
    void timesDefaultsToTheMostRunsAnyTestHad() throws Exception {
        try (LocalDashboard dashboard = new LocalDashboard()) {
            assertEquals(0, run("--test-results", surefire(), "--url", dashboard.url("/fmd"), "--token", "t"));
            assertTrue(dashboard.requests().get(0).body().contains("\"times\":2,"));
        }
    }

    @Test
    void theTokenAndBuildMayComeFromTheEnvironment() throws Exception {
        env = Map.of("FMD_TESTMONITOR_TOKEN", "envtok", "GITHUB_RUN_NUMBER", "99");
        try (LocalDashboard dashboard = new LocalDashboard()) {
            assertEquals(0, run("--test-results", surefire(), "--url", dashboard.url("/fmd")));
            assertEquals("Bearer envtok", dashboard.requests().get(0).header("Authorization"));
            assertTrue(dashboard.requests().get(0).body().contains("\"build\":\"99\""));
        }
    }

    @Test
    void aRefusedUploadExitsWithOne() throws Exception {
        try (LocalDashboard dashboard = new LocalDashboard().answering(409, "{\"error\":\"run uploaded already\"}")) {
            assertEquals(1, run("--test-results", surefire(), "--url", dashboard.url("/fmd"), "--token", "t"));
            assertTrue(out().contains("409 {\"error\":\"run uploaded already\"}"), out());
        }
    }

    @Test
    void anUnreachableDashboardExitsWithOne() throws Exception {
        String url;
        try (LocalDashboard gone = new LocalDashboard()) {
            url = gone.url("/fmd");
        }
        assertEquals(1, run("--test-results", surefire(), "--url", url, "--token", "t"));
    }

    @Test
    void withoutAUrlItPrintsTheSummaryAndExitsWithZero() {
        assertEquals(0, run("--test-results", surefire()));
        assertTrue(out().contains("com.acme.OrderIT#placesOrder  failed"), out());
    }

    @Test
    void badUsageExitsWithTwoNamingTheArgument() {
        for (List<String> args : List.of(
                List.of("--test-results", surefire(), "--tiems", "3"),
                List.of("--test-results"),
                List.of("--url", "http://h/fmd"),
                List.of("--test-results", surefire(), "--times", "abc"),
                List.of("--test-results", dir.resolve("missing").toString()),
                List.of("--test-results", dir.toString()),
                List.of("--test-results", surefire(), "--build", "1", "--build", "2"))) {
            err.reset();
            assertEquals(2, run(args.toArray(String[]::new)), args.toString());
            assertTrue(err().startsWith("fmd-testmonitor: "), err());
        }
        run("--test-results", surefire(), "--tiems", "3");
        assertTrue(err().contains("unknown argument '--tiems'"), err());
        err.reset();
        run("--test-results", surefire(), "--times", "abc");
        assertTrue(err().contains("--times must be an integer from 1 to 100, was 'abc'"), err());
        err.reset();
        run("--test-results", dir.resolve("missing").toString());
        assertTrue(err().contains("--test-results " + dir.resolve("missing") + ": not a directory"), err());
        err.reset();
        run("--test-results");
        assertTrue(err().contains("--test-results needs a value"), err());
        err.reset();
        assertEquals(2, run("--test-results", surefire(), "--url", "--token", "t"));
        assertTrue(err().contains("--url needs a value"), err());
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage: java -jar fmd-testmonitor.jar --test-results DIR"), out());
    }
}
