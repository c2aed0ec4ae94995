package dev.fmd.testmonitor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestRunUploadTest {

    private static final String TEST = "{\"name\": \"com.acme.OrderIT#placesOrder\", \"outcome\": \"passed\", "
            + "\"durationsMs\": [12.5, 11, 10.9]}";

    private static String run(String tests) {
        return "{\"run\": \"run-1\", \"build\": \"42\", \"startedAt\": \"2026-12-06T10:00:00Z\", \"times\": 3, "
                + "\"tests\": [" + tests + "]}";
    }

    private static TestRunUpload parse(String json) throws InvalidUploadException {
        return TestRunUpload.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusedField(String json) {
        return assertThrows(InvalidUploadException.class, () -> parse(json)).field();
    }

    @Test
    void aCompleteRunIsReadWithItsDefaults() throws InvalidUploadException {
        TestRunUpload upload = parse(run(TEST + ", {\"name\": \"com.acme.OrderIT#refuses\", \"outcome\": \"failed\", "
                + "\"durationsMs\": [3, 4, 5], \"failures\": 2, \"message\": \"expected 409\"}"));
        assertEquals("run-1", upload.runKey());
        assertEquals("42", upload.build());
        assertNull(upload.appVersion());
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), upload.startedAt());
        assertEquals("junit5", upload.source());
        assertEquals(List.of(12.5, 11.0, 10.9), upload.tests().get(0).durationsMs());
        assertEquals(2, upload.tests().get(1).failures());
        assertEquals(1, upload.failed());
    }

    @Test
    void eachWrongFieldIsNamed() {
        assertEquals("body", refusedField("not json"));
        assertEquals("body", refusedField("[1, 2]"));
        assertEquals("run", refusedField(run(TEST).replace("\"run\": \"run-1\"", "\"run\": \"a b\"")));
        assertEquals("run", refusedField(run(TEST).replace("\"run\": \"run-1\", ", "")));
        assertEquals("startedAt", refusedField(run(TEST).replace("2026-12-06T10:00:00Z", "yesterday")));
        assertEquals("times", refusedField(run(TEST).replace("\"times\": 3", "\"times\": \"3\"")));
        assertEquals("times", refusedField(run(TEST).replace("\"times\": 3", "\"times\": 101")));
        assertEquals("tests", refusedField("{\"run\": \"r\", \"startedAt\": \"2026-12-06T10:00:00Z\", "
                + "\"times\": 3, \"tests\": {\"a\": 1}}"));
        assertEquals("tests[1]", refusedField(run(TEST + ", 7")));
        assertEquals("tests[0].outcome", refusedField(run(TEST.replace("passed", "fine"))));
        assertEquals("tests[0].name", refusedField(run(TEST.replace("\"name\": \"com.acme.OrderIT#placesOrder\", ",
                ""))));
        assertEquals("tests[0].durationsMs[1]", refusedField(run(TEST.replace("11,", "-11,"))));
        assertEquals("tests[0].durationsMs[2]", refusedField(run(TEST.replace("10.9", "\"10.9\""))));
        assertEquals("tests[0].failures", refusedField(run(TEST.replace("}", ", \"failures\": 4}"))));
        assertEquals("tests[1].name", refusedField(run(TEST + ", " + TEST)));
        assertEquals("tests[0].duration", refusedField(run(TEST.replace("}", ", \"duration\": 4}"))));
        assertEquals("source", refusedField(run(TEST).replace("\"times\"", "\"source\": \"nose\", \"times\"")));
    }

    @Test
    void aLongFailureMessageIsCut() throws InvalidUploadException {
        String message = "x".repeat(5000);
        TestRunUpload upload = parse(run(TEST.replace("}", ", \"message\": \"" + message + "\"}")));
        assertEquals(TestRunUpload.MAX_MESSAGE, upload.tests().get(0).message().length());
        assertTrue(upload.tests().get(0).message().endsWith("…"));
    }
}
