package dev.fmd.ui;

import dev.fmd.query.TestResult;
import dev.fmd.query.TestRun;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The trend has a column per run in upload order, a line per test with gaps where a run lacks it. */
class TestTrendChartTest {

    static final TestRun R1 = run(7, "12", null, "2026-12-01T10:00:00Z");
    static final TestRun R2 = run(3, "12", "1.1", "2026-12-02T10:00:00Z");
    static final TestRun R3 = run(9, null, "</script>", "2026-12-03T10:00:00Z");

    @Test
    void aColumnPerRunInUploadOrderAndALinePerTestWithGaps() {
        Map<String, List<TestResult>> histories = new LinkedHashMap<>();
        histories.put("com.acme.OrderIT#places", List.of(result(R1, 10.5), result(R2, 11), result(R3, 30.1234)));
        histories.put("com.acme.CartIT#adds", List.of(result(R3, 2), result(R1, Double.NaN)));
        JsonObject chart = read(TestTrendChart.json(histories, r -> r.build() == null ? "started" : "#" + r.build()));
        assertEquals(List.of("#12 (run 7)", "#12 (run 3)", "started"), strings(chart.getJsonArray("categories")),
                "upload order, not id order; a label two runs share names the run");
        assertEquals(List.of("app version unknown", "app version 1.1", "app version </script>"),
                strings(chart.getJsonArray("notes")));
        JsonArray series = chart.getJsonArray("series");
        assertEquals("OrderIT#places", series.getJsonObject(0).getString("name"));
        assertEquals("[10.5,11.0,30.123]", numbers(series.getJsonObject(0).getJsonArray("data")));
        assertEquals("CartIT#adds", series.getJsonObject(1).getString("name"));
        assertEquals("[null,null,2.0]", numbers(series.getJsonObject(1).getJsonArray("data")),
                "no duration in the first run, no result in the second");
        assertEquals("median", chart.getString("valueName"));
    }

    @Test
    void nothingToDrawWithoutResults() {
        assertNull(TestTrendChart.json(Map.of(), TestRun::label));
        assertNull(TestTrendChart.json(Map.of("a.B#c", List.of()), TestRun::label));
    }

    @Test
    void noValueEndsTheScriptElement() {
        String json = TestTrendChart.json(Map.of("a.</script>#x", List.of(result(R3, 1))), r -> "<b>&");
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    }

    static TestRun run(long id, String build, String version, String uploaded) {
        Instant at = Instant.parse(uploaded);
        return new TestRun(id, "key-" + id, build, version, at.minusSeconds(60), at, 5, 2, 0, "junit5");
    }

    static TestResult result(TestRun run, double median) {
        return new TestResult(run, "t", "passed", 0, Double.isNaN(median) ? List.of() : List.of(median), median,
                median, null);
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static String numbers(JsonArray array) {
        return array.stream().map(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.NULL ? "null"
                : Double.toString(((jakarta.json.JsonNumber) v).doubleValue())).toList().toString()
                .replace(", ", ",");
    }
}
