package dev.fmd.testmonitor.client;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Surefire and Failsafe XML reports ({@code TEST-*.xml}) into tests for an upload. Every
 * {@code <testcase classname name time>} is one run of the test {@code classname#name} (the name cut before
 * {@code '('} or {@code '['}, so the invocations of a parameterized or repeated test are runs of one test, as with
 * the extension): with a {@code <failure>} or {@code <error>} a failed run (the test's outcome is then failed), with
 * {@code <skipped>} a skipped one (not a run). The earliest {@code <testsuite timestamp>} is the run's start.
 * DOCTYPEs are refused (no external entities).
 *
 * @param tests     by name
 * @param startedAt the earliest suite timestamp, if any
 * @param files     how many report files were read
 */
record SurefireReports(List<TestReport> tests, Optional<Instant> startedAt, int files) {

    /**
     * Reads every {@code TEST-*.xml} in the directories.
     *
     * @throws IOException when a directory cannot be listed or a file cannot be read or parsed (naming it)
     */
    static SurefireReports read(List<Path> directories) throws IOException {
        Map<String, TestTally> tallies = new LinkedHashMap<>();
        Instant earliest = null;
        int files = 0;
        DocumentBuilder parser = parser();
        for (Path directory : directories) {
            List<Path> reports = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "TEST-*.xml")) {
                stream.forEach(reports::add);
            }
            reports.sort(Comparator.naturalOrder());
            for (Path report : reports) {
                Document document;
                try {
                    document = parser.parse(report.toFile());
                } catch (SAXException e) {
                    throw new IOException(report + " is not a readable XML report: " + e.getMessage(), e);
                }
                files++;
                Instant suiteStart = earliestTimestamp(document);
                if (suiteStart != null && (earliest == null || suiteStart.isBefore(earliest))) {
                    earliest = suiteStart;
                }
                NodeList testcases = document.getElementsByTagName("testcase");
                for (int i = 0; i < testcases.getLength(); i++) {
                    addRun((Element) testcases.item(i), tallies);
                }
            }
        }
        List<TestReport> tests = tallies.values().stream()
                .map(TestTally::report)
                .sorted(Comparator.comparing(TestReport::name))
                .toList();
        return new SurefireReports(tests, Optional.ofNullable(earliest), files);
    }

    /** {@code addsUp(int, int)[2]} and {@code addsUp[2]} are both {@code addsUp}. */
    static String methodName(String reported) {
        int end = reported.length();
        for (char stop : new char[] {'(', '['}) {
            int at = reported.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return reported.substring(0, end).trim();
    }

    private static void addRun(Element testcase, Map<String, TestTally> tallies) {
        String name = TestName.of(testcase.getAttribute("classname"), methodName(testcase.getAttribute("name")));
        TestTally tally = tallies.computeIfAbsent(name, TestTally::new);
        if (child(testcase, "skipped") != null) {
            tally.markSkipped();
            return;
        }
        double ms = seconds(testcase.getAttribute("time")) * 1000;
        Element failure = child(testcase, "failure");
        if (failure == null) {
            failure = child(testcase, "error");
        }
        if (failure == null) {
            tally.addRun(ms, null);
            tally.markPassed();
        } else {
            String message = message(failure);
            tally.addRun(ms, message);
            tally.markFailed(message);
        }
    }

    private static String message(Element failure) {
        String type = failure.getAttribute("type");
        String message = failure.getAttribute("message");
        if (!message.isEmpty()) {
            return type.isEmpty() || message.startsWith(type) ? message : type + ": " + message;
        }
        if (!type.isEmpty()) {
            return type;
        }
        String text = failure.getTextContent().strip();
        return text.isEmpty() ? failure.getTagName() : text;
    }

    private static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }

    /** Surefire writes seconds, older versions with a thousands separator ({@code 1,234.5}); unreadable: 0. */
    private static double seconds(String time) {
        try {
            double seconds = Double.parseDouble(time.replace(",", "").trim());
            return Double.isFinite(seconds) && seconds >= 0 ? seconds : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant earliestTimestamp(Document document) {
        Instant earliest = null;
        NodeList suites = document.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Instant at = instant(((Element) suites.item(i)).getAttribute("timestamp"));
            if (at != null && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        return earliest;
    }

    /** Surefire's timestamps are local times without a zone ({@code 2026-12-06T10:00:00}); some tools add one. */
    private static Instant instant(String timestamp) {
        if (timestamp.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(timestamp).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser: " + e.getMessage(), e);
        }
    }
}
