package dev.fmd.ui;

import dev.fmd.query.RequestStats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one chart, in the JSON that {@code fmd-charts.js} draws, ready to be written inside a
 * {@code <script type="application/json">} element: {@code <}, {@code >}, {@code &} and the JavaScript line
 * separators are written as {@code \}{@code u} escapes, so no value from a client (a user name, a path, an agent)
 * can end the element or be read as markup ({@link ScriptJson}).
 * <pre>
 * &lt;div class="fmd-chart" data-chart="boxplot"&gt;&lt;script type="application/json"&gt;
 *     #{page.boxes}   (a ChartJson.boxplot(...) string, written with escape="false")
 * &lt;/script&gt;&lt;/div&gt;
 * </pre>
 * Written straight to text: a 90-day endpoint page has about 10,000 bubbles and boxes, and building a JSON-P tree of
 * them first (a builder, a list and number objects per cell, each double through a {@code BigDecimal}) took a fifth
 * of the page's time.
 */
final class ChartJson {

    private ChartJson() {
    }

    /** One row of a box plot. */
    record Box(String name, String color, RequestStats stats) {
    }

    /** One series of a stacked or line chart: values per category. */
    record Series(String name, String color, long[] data) {
    }

    /** One series of a line chart of measurements: a value per category, null where it has none. */
    record Line(String name, String color, List<Double> data) {
    }

    /**
     * @param xLabels   the columns
     * @param yLabels   the rows
     * @param cells     {x, y, value} triples
     * @param valueName what the values are, e.g. "requests"
     * @param percent   true when values are shares from 0 to 1
     * @return a {@code heatmap} chart
     */
    static String heatmap(List<String> xLabels, List<String> yLabels, List<double[]> cells, String valueName,
                          boolean percent) {
        ScriptJson json = new ScriptJson().beginObject();
        strings(json.name("xLabels"), xLabels);
        strings(json.name("yLabels"), yLabels);
        json.name("cells").beginArray();
        for (double[] cell : cells) {
            json.beginArray().value((int) cell[0]).value((int) cell[1]).value(cell[2]).endArray();
        }
        return json.endArray().name("valueName").value(valueName).name("percent").value(percent).endObject()
                .toString();
    }

    /**
     * @param categories the categories (e.g. days)
     * @param series     the series, each with a value per category
     * @param kind       bar, line or area
     * @param valueName  what the values are
     * @return a {@code stacked} chart
     */
    static String stacked(List<String> categories, List<Series> series, String kind, String valueName) {
        ScriptJson json = new ScriptJson().beginObject();
        strings(json.name("categories"), categories);
        json.name("series").beginArray();
        for (Series s : series) {
            json.beginObject().name("name").value(s.name()).name("data").beginArray();
            for (long v : s.data()) {
                json.value(v);
            }
            json.endArray().name("color").value(s.color()).endObject();
        }
        return json.endArray().name("kind").value(kind).name("valueName").value(valueName).endObject().toString();
    }

    /**
     * @param categories the columns, left to right
     * @param notes      a line per category shown under its name in the tooltip (e.g. the app version), or null
     * @param lines      the lines, each with a value or null per category
     * @param valueName  what the values are
     * @return a {@code line} chart, not stacked; a line has a gap where its value is null (or NaN)
     */
    static String lines(List<String> categories, List<String> notes, List<Line> lines, String valueName) {
        ScriptJson json = new ScriptJson().beginObject();
        strings(json.name("categories"), categories);
        if (notes != null) {
            strings(json.name("notes"), notes);
        }
        json.name("series").beginArray();
        for (Line line : lines) {
            json.beginObject().name("name").value(line.name()).name("data").beginArray();
            for (Double v : line.data()) {
                if (v == null || Double.isNaN(v) || Double.isInfinite(v)) {
                    json.value((String) null);
                } else {
                    json.value(number(v));
                }
            }
            json.endArray().name("color").value(line.color()).endObject();
        }
        return json.endArray().name("valueName").value(valueName).endObject().toString();
    }

    /**
     * Groups values into series over categories, zero where a series has no value.
     *
     * @param categories the categories, in order
     * @param values     value per series name and category; series in the map's order
     * @param colors     the colour of a series name (null for the chart's palette)
     * @return the series
     */
    static List<Series> series(List<String> categories, Map<String, Map<String, Long>> values,
                               java.util.function.Function<String, String> colors) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String category : categories) {
            index.put(category, index.size());
        }
        return values.entrySet().stream().map(e -> {
            long[] data = new long[categories.size()];
            e.getValue().forEach((category, value) -> {
                Integer at = index.get(category);
                if (at != null) {
                    data[at] += value;
                }
            });
            return new Series(e.getKey(), colors.apply(e.getKey()), data);
        }).toList();
    }

    /**
     * @param rows      the boxes, top to bottom
     * @param valueName what the values are
     * @return a {@code boxplot} chart: whiskers at the 5th and 95th percentiles
     */
    static String boxplot(List<Box> rows, String valueName) {
        ScriptJson json = new ScriptJson().beginObject().name("rows").beginArray();
        for (Box box : rows) {
            RequestStats s = box.stats();
            json.beginObject().name("name").value(box.name()).name("p5").value(number(s.p5Ms()))
                    .name("p25").value(number(s.p25Ms())).name("median").value(number(s.medianMs()))
                    .name("p75").value(number(s.p75Ms())).name("p95").value(number(s.p95Ms()))
                    .name("mean").value(number(s.meanMs())).name("hits").value(s.hits())
                    .name("color").value(box.color()).endObject();
        }
        return json.endArray().name("valueName").value(valueName).endObject().toString();
    }

    /**
     * @param xLabels   the columns (versions)
     * @param yLabels   the rows (users or IPs)
     * @param cells     {x, y, median ms, hits}
     * @param valueName what the size shows
     * @return a {@code bubble} chart
     */
    static String bubble(List<String> xLabels, List<String> yLabels, List<double[]> cells, String valueName) {
        ScriptJson json = new ScriptJson().beginObject();
        strings(json.name("xLabels"), xLabels);
        strings(json.name("yLabels"), yLabels);
        json.name("cells").beginArray();
        for (double[] cell : cells) {
            json.beginArray().value((int) cell[0]).value((int) cell[1]).value(number(cell[2])).value((long) cell[3])
                    .endArray();
        }
        return json.endArray().name("valueName").value(valueName).endObject().toString();
    }

    /**
     * @param rows a call tree's rows in pre-order (a grouped profile), the endpoint method first
     * @return a {@code sunburst} or {@code flame} chart: {@code {"root": node}}, each node
     *         {@code {"name", "method", "location", "value" (total ms), "hits", "mean", "sd", "share", "children"}}
     */
    static String profile(List<CallTreeRow> rows) {
        ScriptJson json = new ScriptJson().beginObject().name("root");
        int depth = -1;
        for (CallTreeRow row : rows) {
            for (; depth >= row.indent(); depth--) {
                json.endArray().endObject();
            }
            json.beginObject().name("name").value(row.simpleClassName() + "." + row.codeLine().methodName())
                    .name("method").value(row.codeLine().className() + "." + row.codeLine().methodName())
                    .name("location").value(row.location()).name("value").value(number(row.totalMs()))
                    .name("hits").value(row.hits()).name("mean").value(number(row.meanMs()))
                    .name("sd").value(number(row.stdDevMs())).name("share").value(number(row.share()))
                    .name("children").beginArray();
            depth = row.indent();
        }
        for (; depth >= 0; depth--) {
            json.endArray().endObject();
        }
        if (rows.isEmpty()) {
            json.value((String) null);
        }
        return json.name("valueName").value("ms").endObject().toString();
    }

    private static double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? 0 : Math.round(value * 1000) / 1000.0;
    }

    /** Writes the values as an array of strings, null as "". */
    private static void strings(ScriptJson json, List<String> values) {
        json.beginArray();
        values.forEach(v -> json.value(v == null ? "" : v));
        json.endArray();
    }
}
