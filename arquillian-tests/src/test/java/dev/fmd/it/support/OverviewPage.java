package dev.fmd.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The overview page as a user reads it: the cells of the row of one endpoint, as text. */
public final class OverviewPage {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

    private final String html;

    public OverviewPage(String html) {
        this.html = html;
    }

    /**
     * @param endpoint the endpoint name, e.g. {@code ProductResource.list}
     * @return the texts of its cells: name, route, level, hits, today, median, last requested; empty when absent
     */
    public List<String> row(String endpoint) {
        Matcher rows = ROW.matcher(html);
        while (rows.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(rows.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]*>", "").replace("&nbsp;", " ").trim());
            }
            if (!cells.isEmpty() && cells.get(0).equals(endpoint)) {
                return cells;
            }
        }
        return List.of();
    }

    public String html() {
        return html;
    }
}
