package dev.fmd.testmonitor;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A test run as a CI pipeline uploads it to {@code POST /fmd/api/test-runs}, validated field by field: the first wrong
 * field is named in an {@link InvalidUploadException}, and nothing of a wrong upload is stored.
 * <pre>
 * {"run": "0f6c2b9e-...", "build": "1234", "appVersion": "1.4.0", "startedAt": "2026-12-06T10:00:00Z",
 *  "times": 5, "source": "junit5",
 *  "tests": [{"name": "com.acme.OrderIT#placesOrder", "outcome": "passed",
 *             "durationsMs": [12.5, 11.0, 10.9, 11.2, 11.0], "failures": 0, "message": null}]}
 * </pre>
 * {@code build}, {@code appVersion}, {@code source}, {@code failures} and {@code message} may be left out; fields
 * fmd does not know are refused (a misspelt one would otherwise be lost silently).
 *
 * @param runKey     the key the run's tagged requests carried ({@link TestTag#RUN})
 * @param build      the CI build number, or null
 * @param appVersion the application version, or null for the server's own
 * @param startedAt  when the suite started
 * @param times      how many times each test was meant to run
 * @param source     {@code junit5} or {@code surefire}
 * @param tests      the tests, each name once
 */
public record TestRunUpload(String runKey, String build, String appVersion, Instant startedAt, int times,
                            String source, List<UploadedTest> tests) {

    /** The largest body taken, in bytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The most tests a run may have. */
    public static final int MAX_TESTS = 20_000;
    /** The most repetitions of a test. */
    public static final int MAX_TIMES = 100;
    /** The longest failure message kept; longer ones are cut. */
    public static final int MAX_MESSAGE = 2000;
    /** The longest build number or version. */
    public static final int MAX_LABEL = 100;

    private static final Set<String> RUN_FIELDS = Set.of("run", "build", "appVersion", "startedAt", "times", "source",
            "tests");
    private static final Set<String> TEST_FIELDS = Set.of("name", "outcome", "durationsMs", "failures", "message");
    private static final Set<String> OUTCOMES = Set.of("passed", "failed", "skipped");
    private static final Set<String> SOURCES = Set.of("junit5", "surefire");

    public TestRunUpload {
        tests = List.copyOf(tests);
    }

    /** @return how many tests failed (in at least one repetition) */
    public int failed() {
        return (int) tests.stream().filter(t -> t.outcome().equals("failed") || t.failures() > 0).count();
    }

    /**
     * @param body the request body, at most {@link #MAX_BYTES}
     * @return the run it describes
     * @throws InvalidUploadException naming the first wrong field
     */
    public static TestRunUpload parse(byte[] body) throws InvalidUploadException {
        JsonObject run = object(body);
        only(run, RUN_FIELDS, "");
        String key = text(run, "run", "", 64, true);
        if (!TestTag.RUN_KEY.matcher(key).matches()) {
            throw new InvalidUploadException("run", "run must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        String build = text(run, "build", "", MAX_LABEL, false);
        String appVersion = text(run, "appVersion", "", MAX_LABEL, false);
        String started = text(run, "startedAt", "", 40, true);
        Instant startedAt;
        try {
            startedAt = Instant.parse(started);
        } catch (DateTimeParseException e) {
            throw new InvalidUploadException("startedAt", "startedAt must be an ISO-8601 instant such as "
                    + "2026-12-06T10:00:00Z");
        }
        int times = integer(run, "times", "", 1, MAX_TIMES, null);
        String source = text(run, "source", "", 20, false);
        if (source == null) {
            source = "junit5";
        } else if (!SOURCES.contains(source)) {
            throw new InvalidUploadException("source", "source must be one of " + SOURCES);
        }
        JsonArray tests = array(run, "tests", "", MAX_TESTS);
        List<UploadedTest> parsed = new ArrayList<>(tests.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            String at = "tests[" + i + "].";
            if (!(tests.get(i) instanceof JsonObject test)) {
                throw new InvalidUploadException("tests[" + i + "]", "tests[" + i + "] must be an object");
            }
            UploadedTest one = test(test, at);
            if (!names.add(one.name())) {
                throw new InvalidUploadException(at + "name", at + "name " + one.name() + " is in the run twice");
            }
            parsed.add(one);
        }
        return new TestRunUpload(key, build, appVersion, startedAt, times, source, parsed);
    }

    private static UploadedTest test(JsonObject test, String at) throws InvalidUploadException {
        only(test, TEST_FIELDS, at);
        String name = text(test, "name", at, TestTag.MAX_NAME, true).strip();
        if (name.isEmpty() || !TestTag.printable(name)) {
            throw new InvalidUploadException(at + "name", at + "name must be a test's name, Class#method");
        }
        String outcome = text(test, "outcome", at, 10, true);
        if (!OUTCOMES.contains(outcome)) {
            throw new InvalidUploadException(at + "outcome", at + "outcome must be one of " + OUTCOMES);
        }
        JsonArray durations = array(test, "durationsMs", at, MAX_TIMES);
        List<Double> ms = new ArrayList<>(durations.size());
        for (int j = 0; j < durations.size(); j++) {
            String field = at + "durationsMs[" + j + "]";
            if (!(durations.get(j) instanceof JsonNumber number) || !(number.doubleValue() >= 0)
                    || Double.isInfinite(number.doubleValue())) {
                throw new InvalidUploadException(field, field + " must be a number >= 0");
            }
            ms.add(number.doubleValue());
        }
        int failures = integer(test, "failures", at, 0, durations.size(), 0);
        String message = text(test, "message", at, Integer.MAX_VALUE, false);
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
        return new UploadedTest(name, outcome, ms, failures, message);
    }

    private static JsonObject object(byte[] body) throws InvalidUploadException {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT) {
                JsonObject object = parser.getObject();
                if (!parser.hasNext()) {
                    return object;
                }
            }
        } catch (RuntimeException e) {
            throw new InvalidUploadException("body", "body is not JSON: " + e.getMessage());
        }
        throw new InvalidUploadException("body", "body must be one JSON object");
    }

    private static void only(JsonObject object, Set<String> known, String at) throws InvalidUploadException {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidUploadException(at + name, at + name + " is not a field fmd knows (expected "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(JsonObject object, String name, String at, int max, boolean required)
            throws InvalidUploadException {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw new InvalidUploadException(at + name, at + name + " is missing");
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidUploadException(at + name, at + name + " must be a string");
        }
        if (string.getString().length() > max) {
            throw new InvalidUploadException(at + name, at + name + " must be at most " + max + " characters");
        }
        return string.getString();
    }

    private static int integer(JsonObject object, String name, String at, int min, int max, Integer fallback)
            throws InvalidUploadException {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (fallback == null) {
                throw new InvalidUploadException(at + name, at + name + " is missing");
            }
            return fallback;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new InvalidUploadException(at + name, at + name + " must be a whole number from " + min + " to "
                    + max);
        }
        return number.intValue();
    }

    private static JsonArray array(JsonObject object, String name, String at, int max)
            throws InvalidUploadException {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidUploadException(at + name, at + name + " is missing");
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidUploadException(at + name, at + name + " must be an array");
        }
        if (array.size() > max) {
            throw new InvalidUploadException(at + name, at + name + " has " + array.size() + " items, at most "
                    + max + " are taken");
        }
        return array;
    }
}
