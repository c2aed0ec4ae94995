package dev.fmd.ui;

import dev.fmd.query.RequestStats;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one chart, in the JSON that {@code fmd-charts.js} draws, ready to be written inside a
 * {@code <script type="application/json">} element: {@code <}, {@code >}, {@code &} and the JavaScript line
 * separators are written as {@code \}{@code u} escapes, so no value from a client (a user name, a path, an agent)
 * can end the element or be read as markup.
 * <pre>
 * &lt;div class="fmd-chart" data-chart="boxplot"&gt;&lt;script type="application/json"&gt;
 *     #{page.boxes}   (a ChartJson.boxplot(...) string, written with escape="false")
 * &lt;/script&gt;&lt;/div&gt;
 * </pre>
 */
final class ChartJson {

    /**
     * The builders of every chart, from the JSON-P provider looked up once. {@code Json.createArrayBuilder()} and
     * {@code Json.createObjectBuilder()} look the provider up on every call ({@code ServiceLoader} over the web
     * application's class path: every jar's {@code META-INF/services}); one per heatmap cell made two thirds of an
     * endpoint page's time on Payara Micro.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ChartJson() {
    }

    /** One row of a box plot. */
    record Box(String name, String color, RequestStats stats) {
    }

    /** One series of a stacked or line chart: values per category. */
    record Series(String name, String color, long[] data) {
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
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (double[] cell : cells) {
            data.add(JSON.createArrayBuilder().add((int) cell[0]).add((int) cell[1]).add(cell[2]));
        }
        return write(JSON.createObjectBuilder().add("xLabels", strings(xLabels)).add("yLabels", strings(yLabels))
                .add("cells", data).add("valueName", valueName).add("percent", percent).build());
    }

    /**
     * @param categories the categories (e.g. days)
     * @param series     the series, each with a value per category
     * @param kind       bar, line or area
     * @param valueName  what the values are
     * @return a {@code stacked} chart
     */
    static String stacked(List<String> categories, List<Series> series, String kind, String valueName) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (Series s : series) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            for (long v : s.data()) {
                values.add(v);
            }
            JsonObjectBuilder one = JSON.createObjectBuilder().add("name", s.name()).add("data", values);
            if (s.color() == null) {
                one.addNull("color");
            } else {
                one.add("color", s.color());
            }
            all.add(one);
        }
        return write(JSON.createObjectBuilder().add("categories", strings(categories)).add("series", all)
                .add("kind", kind).add("valueName", valueName).build());
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
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (Box box : rows) {
            RequestStats s = box.stats();
            JsonObjectBuilder row = JSON.createObjectBuilder().add("name", box.name()).add("p5", number(s.p5Ms()))
                    .add("p25", number(s.p25Ms())).add("median", number(s.medianMs())).add("p75", number(s.p75Ms()))
                    .add("p95", number(s.p95Ms())).add("mean", number(s.meanMs())).add("hits", s.hits());
            if (box.color() == null) {
                row.addNull("color");
            } else {
                row.add("color", box.color());
            }
            all.add(row);
        }
        return write(JSON.createObjectBuilder().add("rows", all).add("valueName", valueName).build());
    }

    /**
     * @param xLabels   the columns (versions)
     * @param yLabels   the rows (users or IPs)
     * @param cells     {x, y, median ms, hits}
     * @param valueName what the size shows
     * @return a {@code bubble} chart
     */
    static String bubble(List<String> xLabels, List<String> yLabels, List<double[]> cells, String valueName) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (double[] cell : cells) {
            data.add(JSON.createArrayBuilder().add((int) cell[0]).add((int) cell[1]).add(number(cell[2]))
                    .add((long) cell[3]));
        }
        return write(JSON.createObjectBuilder().add("xLabels", strings(xLabels)).add("yLabels", strings(yLabels))
                .add("cells", data).add("valueName", valueName).build());
    }

    private static double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? 0 : Math.round(value * 1000) / 1000.0;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(v -> array.add(v == null ? "" : v));
        return array;
    }

    /** @return the JSON text, safe inside a script element */
    static String write(JsonObject json) {
        String text = json.toString();
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
