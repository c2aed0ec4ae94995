package dev.fmd.ui;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's query string is fine, or its problem names the first wrong parameter. */
class PageParametersTest {

    @Test
    void wellFormedQueriesAreFine() {
        for (String query : List.of("", "id=3", "id=123456789012345678&r=1&o=2", "w=1h", "w=90d&i=node-1&v=2.0&vs=1.0",
                "w=custom&from=2026-12-01T10:00&to=2026-12-02T10:00", "before=2026-12-01T10:00:00Z_42",
                "id=&w=", "r=-105", "w=7d&from=garbage&to=more", "unknown=%3Cscript%3E", "id=7&id=8",
                "test=com.acme.OrderIT%23placesOrder", "test=" + "x".repeat(500))) {
            assertEquals(java.util.Optional.empty(), PageParameters.problem(query), query);
        }
        assertEquals(java.util.Optional.empty(), PageParameters.problem(null));
    }

    @Test
    void aWrongParameterIsNamedWithWhatItExpects() {
        Map<String, String> wrong = Map.ofEntries(
                Map.entry("id=abc", "parameter 'id'=abc: expected an id"),
                Map.entry("id=--1", "parameter 'id'=--1"),
                Map.entry("r=1234567890123456789", "parameter 'r'"),
                Map.entry("o=1e3", "parameter 'o'"),
                Map.entry("id=7&id=x", "parameter 'id'=x"),
                Map.entry("w=2h", "parameter 'w'=2h: expected one of 1h, 24h, 7d, 30d, 90d, custom"),
                Map.entry("w=custom", "parameter 'from': a custom window needs a start"),
                Map.entry("w=custom&from=2026-12-01T10:00", "parameter 'to': a custom window needs an end"),
                Map.entry("w=custom&from=2026-12-02T10:00&to=2026-12-01T10:00", "parameter 'from'=2026-12-02T10:00: "
                        + "expected a start before the end"),
                Map.entry("w=custom&from=1969-12-31T10:00&to=2026-12-01T10:00", "expected a time after 1970"),
                Map.entry("w=custom&from=2000-01-01T00:00&to=2026-12-01T10:00", "parameter 'to'"),
                Map.entry("w=custom&from=2026-02-30T10:00&to=2026-12-01T10:00", "parameter 'from'"),
                Map.entry("before=x", "parameter 'before'=x"),
                Map.entry("before=+999999999-12-31T23:59:59Z_1", "parameter 'before'"),
                Map.entry("before=2026-12-01T10:00:00Z_x1", "parameter 'before'"),
                Map.entry("v=" + "x".repeat(201), "parameter 'v'=" + "x".repeat(60) + "…: expected at most 200"),
                Map.entry("test=" + "x".repeat(501), "parameter 'test'=" + "x".repeat(60) + "…: expected a test name"),
                Map.entry("id=%zz", "the query string is not URL-encoded: id=%zz"));
        wrong.forEach((query, problem) -> {
            String found = PageParameters.problem(query).orElseThrow(() -> new AssertionError(query + " passed"));
            assertTrue(found.startsWith(problem) || found.contains(problem), query + ": " + found);
        });
    }

    @Test
    void aCursorIsReadBackAsWritten() {
        var cursor = PageParameters.cursor("2026-12-01T10:00:00Z_42");
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), cursor.time());
        assertEquals(42, cursor.id());
        assertEquals(cursor, PageParameters.cursor(DashboardView.before(cursor)));
        assertNull(PageParameters.cursor("1969-12-31T23:59:59Z_1"));
        assertNull(PageParameters.cursor(null));
    }
}
