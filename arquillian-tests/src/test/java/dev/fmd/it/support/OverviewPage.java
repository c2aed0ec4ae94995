package dev.fmd.it.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The overview page as a user reads it: the cells of the row of one endpoint, as text. */
public final class OverviewPage {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*class=\"([^\"]*)\"[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"[^\"]*endpoint-link[^\"]*\"[^>]*>([^<]*)<");
    private static final Pattern ROUTE = Pattern.compile("class=\"[^\"]*route[^\"]*\"[^>]*>([^<]*)<");

    private final String html;

    public OverviewPage(String html) {
        this.html = html;
    }

    /**
     * @param endpoint the endpoint name, e.g. {@code ProductResource.list}
     * @return the texts of its cells by column: {@code name}, {@code route}, {@code level}, {@code hits},
     *         {@code today}, {@code week}, {@code median}, {@code p90}, {@code p99}, {@code errors4xx},
     *         {@code errors5xx}, {@code last}; empty when absent
     */
    public Map<String, String> row(String endpoint) {
        Matcher rows = ROW.matcher(html);
        while (rows.find()) {
            Matcher name = NAME.matcher(rows.group(1));
            if (!name.find() || !name.group(1).equals(endpoint)) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("name", endpoint);
            Matcher route = ROUTE.matcher(rows.group(1));
            cells.put("route", route.find() ? text(route.group(1)) : "");
            Matcher cell = CELL.matcher(rows.group(1));
            while (cell.find()) {
                String[] classes = cell.group(1).trim().split("\\s+");
                cells.putIfAbsent(classes[classes.length - 1], text(cell.group(2).replaceAll("<[^>]*>", "")));
            }
            return cells;
        }
        return Map.of();
    }

    private static String text(String html) {
        return html.replace("&#160;", " ").replace("&nbsp;", " ").replace("\u00a0", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&").trim();
    }

    public String html() {
        return html;
    }
}
