package dev.fmd.ui;

import dev.fmd.query.RequestStats;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The charts' JSON, written straight to text, reads back (with a JSON-P parser) as the tree the JSON-P builders made
 * before, and no value can end its script element: every client-supplied string here is hostile.
 */
class ChartJsonTest {

    private static final List<String> HOSTILE = List.of("plain", "", "</script><script>alert(1)</script>",
            "a\"b\\c", "tab\there\nnew\rline", "\u0000\u0001\u001f\u007f", "&amp; <!-- -->", "line\u2028sep\u2029par",
            "emoji \uD83D\uDE00 é ü", "{\"x\":1}", "/fmd/api?x=1&y=<2>");

    @Test
    void heatmapReadsBackAsBefore() {
        List<double[]> cells = List.of(new double[] {0, 1, 12}, new double[] {3, 0, 0.25}, new double[] {2, 2, 1e-4},
                new double[] {1, 1, 123456789.0});
        for (boolean percent : new boolean[] {false, true}) {
            String json = ChartJson.heatmap(HOSTILE, HOSTILE.subList(2, 5), cells, "share <of> & requests", percent);
            JsonObjectBuilder expected = Json.createObjectBuilder().add("xLabels", strings(HOSTILE))
                    .add("yLabels", strings(HOSTILE.subList(2, 5))).add("cells", cells(cells, true))
                    .add("valueName", "share <of> & requests").add("percent", percent);
            assertSame(expected.build(), json);
        }
    }

    @Test
    void stackedReadsBackAsBefore() {
        List<String> days = List.of("2026-12-01", "2026-12-02", "2026-12-03");
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            values.put(HOSTILE.get(i), Map.of("2026-12-02", (long) i, "2026-12-03", Long.MAX_VALUE - i,
                    "not a day", 5L));
        }
        List<ChartJson.Series> series = ChartJson.series(days, values, n -> n.length() % 2 == 0 ? null : "#" + n);
        String json = ChartJson.stacked(days, series, "bar", "requests");
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (ChartJson.Series s : series) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            Arrays.stream(s.data()).forEach(data::add);
            JsonObjectBuilder one = Json.createObjectBuilder().add("name", s.name()).add("data", data);
            all.add(s.color() == null ? one.addNull("color") : one.add("color", s.color()));
        }
        assertSame(Json.createObjectBuilder().add("categories", strings(days)).add("series", all).add("kind", "bar")
                .add("valueName", "requests").build(), json);
        assertEquals(0, series.get(0).data()[0], "no value that day");
    }

    @Test
    void linesWriteNullWhereThereIsNoValue() {
        List<Double> data = Arrays.asList(1.5, null, Double.NaN, Double.POSITIVE_INFINITY, 2.0004, 0.0);
        List<ChartJson.Line> lines = List.of(new ChartJson.Line(HOSTILE.get(2), null, data),
                new ChartJson.Line(HOSTILE.get(3), "#abc", List.of()));
        for (List<String> notes : Arrays.asList(HOSTILE.subList(4, 10), null)) {
            String json = ChartJson.lines(HOSTILE.subList(0, 6), notes, lines, "median <ms>");
            JsonObjectBuilder expected = Json.createObjectBuilder().add("categories", strings(HOSTILE.subList(0, 6)));
            if (notes != null) {
                expected.add("notes", strings(notes));
            }
            expected.add("series", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", HOSTILE.get(2)).add("data", Json.createArrayBuilder()
                            .add(1.5).addNull().addNull().addNull().add(2.0).add(0.0)).addNull("color"))
                    .add(Json.createObjectBuilder().add("name", HOSTILE.get(3)).add("data", Json.createArrayBuilder())
                            .add("color", "#abc")))
                    .add("valueName", "median <ms>");
            assertSame(expected.build(), json);
        }
    }

    @Test
    void boxplotReadsBackAsBefore() {
        List<ChartJson.Box> boxes = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            boxes.add(new ChartJson.Box(HOSTILE.get(i), i % 2 == 0 ? null : "#abc", new RequestStats(i, 1, 2,
                    i == 0 ? Double.NaN : 12.3456 * i, 0.0004, 1.5, 2.25, 3, 1e6 / 3, Double.POSITIVE_INFINITY, 7)));
        }
        String json = ChartJson.boxplot(boxes, "duration");
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (ChartJson.Box box : boxes) {
            RequestStats s = box.stats();
            JsonObjectBuilder row = Json.createObjectBuilder().add("name", box.name()).add("p5", rounded(s.p5Ms()))
                    .add("p25", rounded(s.p25Ms())).add("median", rounded(s.medianMs()))
                    .add("p75", rounded(s.p75Ms())).add("p95", rounded(s.p95Ms())).add("mean", rounded(s.meanMs()))
                    .add("hits", s.hits());
            rows.add(box.color() == null ? row.addNull("color") : row.add("color", box.color()));
        }
        assertSame(Json.createObjectBuilder().add("rows", rows).add("valueName", "duration").build(), json);
    }

    @Test
    void bubbleReadsBackAsBefore() {
        List<double[]> cells = List.of(new double[] {0, 0, 12.34567, 3}, new double[] {1, 2, Double.NaN, 1},
                new double[] {2, 1, 0.0001, 1_000_000_000_000L});
        String json = ChartJson.bubble(HOSTILE.subList(0, 3), HOSTILE, cells, "median");
        assertSame(Json.createObjectBuilder().add("xLabels", strings(HOSTILE.subList(0, 3)))
                .add("yLabels", strings(HOSTILE)).add("cells", cells(cells, false)).add("valueName", "median")
                .build(), json);
    }

    @Test
    void numbersMustBeFinite() {
        assertThrows(IllegalArgumentException.class, () -> new ScriptJson().beginArray().value(Double.NaN));
        assertEquals("[]", new ScriptJson().beginArray().endArray().toString());
        assertEquals("{\"a\":[{},[],null,true,-1,0.5],\"b\":\"\"}", new ScriptJson().beginObject().name("a")
                .beginArray().beginObject().endObject().beginArray().endArray().value((String) null).value(true)
                .value(-1).value(0.5).endArray().name("b").value("").endObject().toString());
    }

    /** The text is safe in a script element and parses to the expected tree (numbers compared as numbers). */
    private static void assertSame(JsonObject expected, String json) {
        for (char unsafe : new char[] {'<', '>', '&', '\u2028', '\u2029'}) {
            assertFalse(json.indexOf(unsafe) >= 0, "raw " + (int) unsafe + " in " + json);
        }
        JsonObject read = Json.createReader(new StringReader(json)).readObject();
        assertEquals(plain(expected), plain(read), json);
    }

    /** @return the value as maps, lists, doubles, strings, booleans and null */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(ChartJsonTest::plain).toList();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().doubleValue();
            case STRING -> ((JsonString) value).getString();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> "null";
        };
    }

    private static JsonArray strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    private static JsonArray cells(List<double[]> cells, boolean heatmap) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (double[] c : cells) {
            data.add(heatmap ? Json.createArrayBuilder().add((int) c[0]).add((int) c[1]).add(c[2])
                    : Json.createArrayBuilder().add((int) c[0]).add((int) c[1]).add(rounded(c[2])).add((long) c[3]));
        }
        return data.build();
    }

    private static double rounded(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? 0 : Math.round(value * 1000) / 1000.0;
    }
}
