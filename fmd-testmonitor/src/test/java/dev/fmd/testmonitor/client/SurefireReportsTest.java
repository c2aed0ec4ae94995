package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireReportsTest {

    static final String ORDER_IT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="com.acme.OrderIT" time="0.5" tests="6" errors="1" skipped="1" failures="1"
                       timestamp="2026-12-06T10:00:05">
              <properties><property name="x" value="y"/></properties>
              <testcase name="placesOrder" classname="com.acme.OrderIT" time="0.012"/>
              <testcase name="placesOrder" classname="com.acme.OrderIT" time="0.010">
                <failure message="expected: &lt;201&gt; but was: &lt;500&gt;" type="org.opentest4j.AssertionFailedError">trace</failure>
              </testcase>
              <testcase name="listsOrders()" classname="com.acme.OrderIT" time="1,234.5"/>
              <testcase name="cancels" classname="com.acme.OrderIT" time="0.003">
                <error type="java.net.ConnectException">Connection refused</error>
                <system-out>out</system-out>
              </testcase>
              <testcase name="later" classname="com.acme.OrderIT" time="0">
                <skipped message="disabled"/>
              </testcase>
              <testcase name="addsUp(int, int)[1]" classname="com.acme.OrderIT" time="0.001"/>
              <testcase name="addsUp(int, int)[2]" classname="com.acme.OrderIT" time="0.002"/>
            </testsuite>
            """;

    static final String STOCK_IT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="com.acme.StockIT" timestamp="2026-12-06T09:59:00">
              <testcase name="counts" classname="com.acme.StockIT" time="0.020"/>
              <testcase name="placesOrder" classname="com.acme.OrderIT" time="0.014"/>
            </testsuite>
            """;

    @TempDir
    Path dir;

    static void write(Path dir, String file, String xml) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), xml);
    }

    private Map<String, TestReport> read(Path... dirs) throws IOException {
        return SurefireReports.read(List.of(dirs)).tests().stream()
                .collect(Collectors.toMap(TestReport::name, Function.identity()));
    }

    @Test
    void everyTestcaseIsARunOfItsTestAcrossFilesAndDirectories() throws IOException {
        write(dir.resolve("surefire"), "TEST-com.acme.OrderIT.xml", ORDER_IT);
        write(dir.resolve("failsafe"), "TEST-com.acme.StockIT.xml", STOCK_IT);
        Map<String, TestReport> tests = read(dir.resolve("surefire"), dir.resolve("failsafe"));
        TestReport placesOrder = tests.get("com.acme.OrderIT#placesOrder");
        assertEquals(List.of(12.0, 10.0, 14.0), placesOrder.durationsMs());
        assertEquals(1, placesOrder.failures());
        assertEquals(Outcome.FAILED, placesOrder.outcome());
        assertEquals("org.opentest4j.AssertionFailedError: expected: <201> but was: <500>", placesOrder.message());
        assertEquals(List.of(20.0), tests.get("com.acme.StockIT#counts").durationsMs());
        assertEquals(Outcome.PASSED, tests.get("com.acme.StockIT#counts").outcome());
    }

    @Test
    void anErrorIsAFailedRunWithItsTypeAsMessage() throws IOException {
        write(dir, "TEST-com.acme.OrderIT.xml", ORDER_IT);
        TestReport cancels = read(dir).get("com.acme.OrderIT#cancels");
        assertEquals(Outcome.FAILED, cancels.outcome());
        assertEquals(1, cancels.failures());
        assertEquals(List.of(3.0), cancels.durationsMs());
        assertEquals("java.net.ConnectException", cancels.message());
    }

    @Test
    void aSkippedTestcaseIsNoRun() throws IOException {
        write(dir, "TEST-com.acme.OrderIT.xml", ORDER_IT);
        TestReport later = read(dir).get("com.acme.OrderIT#later");
        assertEquals(Outcome.SKIPPED, later.outcome());
        assertEquals(List.of(), later.durationsMs());
        assertNull(later.message());
    }

    @Test
    void invocationsOfAParameterizedTestAreRunsOfTheMethod() throws IOException {
        write(dir, "TEST-com.acme.OrderIT.xml", ORDER_IT);
        Map<String, TestReport> tests = read(dir);
        assertEquals(List.of(1.0, 2.0), tests.get("com.acme.OrderIT#addsUp").durationsMs());
        assertEquals(List.of(1234500.0), tests.get("com.acme.OrderIT#listsOrders").durationsMs());
        assertEquals(5, tests.size());
    }

    @Test
    void theEarliestSuiteTimestampIsTheStart() throws IOException {
        write(dir, "TEST-com.acme.OrderIT.xml", ORDER_IT);
        write(dir, "TEST-com.acme.StockIT.xml", STOCK_IT);
        SurefireReports reports = SurefireReports.read(List.of(dir));
        Instant expected = LocalDateTime.parse("2026-12-06T09:59:00").atZone(ZoneId.systemDefault()).toInstant();
        assertEquals(expected, reports.startedAt().orElseThrow());
        assertEquals(2, reports.files());
    }

    @Test
    void onlyTestReportsAreRead() throws IOException {
        write(dir, "TEST-com.acme.StockIT.xml", STOCK_IT);
        write(dir, "com.acme.StockIT.txt", "not xml");
        write(dir, "other.xml", ORDER_IT);
        assertEquals(1, SurefireReports.read(List.of(dir)).files());
    }

    @Test
    void aMalformedReportIsNamed() throws IOException {
        write(dir, "TEST-broken.xml", "<testsuite><testcase name=");
        IOException e = assertThrows(IOException.class, () -> SurefireReports.read(List.of(dir)));
        assertTrue(e.getMessage().contains("TEST-broken.xml"), e.getMessage());
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsRead() throws IOException {
        write(dir, "secret.txt", "secret");
        write(dir, "TEST-evil.xml", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
                + dir.resolve("secret.txt").toUri() + "\">]><testsuite><testcase name=\"a\" classname=\"C\">"
                + "<failure message=\"m\">&x;</failure></testcase></testsuite>");
        IOException e = assertThrows(IOException.class, () -> SurefireReports.read(List.of(dir)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void methodNamesLoseParametersAndInvocationIndexes() {
        assertEquals("addsUp", SurefireReports.methodName("addsUp(int, int)[1]"));
        assertEquals("addsUp", SurefireReports.methodName("addsUp[1]"));
        assertEquals("plain", SurefireReports.methodName("plain"));
        assertEquals("plain", SurefireReports.methodName("plain()"));
    }
}
