package dev.fmd.ui;

import dev.fmd.query.Dimension;
import dev.fmd.query.DimensionBreakdown;
import dev.fmd.query.DimensionQueries;
import dev.fmd.query.DimensionStats;
import dev.fmd.query.EndpointSummary;
import dev.fmd.query.PerformanceQueries;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.RequestPage;
import dev.fmd.query.RequestQueries;
import dev.fmd.query.RequestRow;
import dev.fmd.query.StatusHits;
import dev.fmd.query.UsageQueries;
import dev.fmd.query.VersionPerformance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backs an endpoint's page ({@code endpoint.xhtml?id=N}): its figures, hourly heatmap, user × version and
 * IP × version bubble charts, box plots per version and per user, status codes per day (all from the rollups, each
 * narrowed to the endpoint; users read once for both their charts), and the paged list of its requests (the one read
 * of raw rows, by key). Without an id, or with an id no endpoint has, the page lists the endpoints to choose from.
 */
@Named("fmdEndpoint")
@RequestScoped
public class EndpointPage {

    /** Requests per page of the list. */
    static final int PAGE_SIZE = 50;

    @Inject
    DashboardView view;

    @Inject
    HttpServletRequest request;

    @Inject
    EndpointScope scope;

    @Inject
    UsageQueries usage;

    @Inject
    PerformanceQueries performance;

    @Inject
    DimensionQueries dimensions;

    @Inject
    RequestQueries requests;

    private EndpointSummary endpoint;
    private String heatmap;
    private String users;
    private String ips;
    private String versionBoxes;
    private String userBoxes;
    private String statuses;
    private RequestPage page;

    @PostConstruct
    void load() {
        if (!view.isDatabaseUp()) {
            return;
        }
        endpoint = scope.getEndpoint();
        if (endpoint == null) {
            return;
        }
        long id = endpoint.id();
        if (endpoint.windowHits() == 0 && endpoint.hits() == 0) {
            return;
        }
        var window = view.getWindow();
        var hours = view.read("the hourly load", () -> usage.hourlyLoad(id, window, view.getZone()));
        if (hours != null && !hours.isEmpty()) {
            heatmap = ChartAxes.heatmap(hours, window, view.getZone());
        }
        DimensionBreakdown userFigures = view.read("users", () -> dimensions.breakdown(id, Dimension.USER, window));
        users = bubbles(userFigures == null ? null : userFigures.byVersion());
        ips = bubbles(view.read("IPs per version", () -> dimensions.byVersion(id, Dimension.IP, window)));
        List<VersionPerformance> versions = view.read("durations per version", () -> performance.versions(id, window));
        if (versions != null && !versions.isEmpty()) {
            versionBoxes = ChartJson.boxplot(versions.stream().map(v -> new ChartJson.Box(v.version(), null,
                    v.stats())).toList(), "duration");
        }
        List<DimensionStats> perUser = userFigures == null ? null : userFigures.byValue();
        if (perUser != null && !perUser.isEmpty()) {
            userBoxes = ChartJson.boxplot(perUser.stream().map(u -> new ChartJson.Box(u.value(), null, u.stats()))
                    .toList(), "duration");
        }
        List<StatusHits> codes = view.read("status codes", () -> dimensions.statusCodes(id, window));
        if (codes != null && !codes.isEmpty()) {
            List<String> days = ChartAxes.utcDays(window);
            Map<String, Map<String, Long>> byStatus = new TreeMap<>();
            codes.forEach(c -> byStatus.computeIfAbsent(String.valueOf(c.status()), k -> new LinkedHashMap<>())
                    .merge(c.day().toString(), c.hits(), Long::sum));
            statuses = ChartJson.stacked(days, ChartJson.series(days, byStatus, EndpointPage::statusColor), "bar",
                    "requests");
        }
        RequestCursor before = view.cursor();
        page = view.read("the requests", () -> requests.requests(id, window, before, PAGE_SIZE));
    }

    /** @return how many days single requests are kept ({@code fmd.retention-days}) */
    public int getRetentionDays() {
        return view.getRetentionDays();
    }



    private static String statusColor(String status) {
        return switch (status.charAt(0)) {
            case '2' -> "#2f9e44";
            case '3' -> "#1c7ed6";
            case '4' -> "#f08c00";
            case '5' -> "#e03131";
            default -> "#868e96";
        };
    }

    private static String bubbles(List<DimensionStats> cells) {
        if (cells == null || cells.isEmpty()) {
            return null;
        }
        // positions by name, in the order of first appearance (a 90-day page has about 1,000 users and 2,000 IPs)
        Map<String, Integer> versions = new LinkedHashMap<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        List<double[]> data = new ArrayList<>(cells.size());
        for (DimensionStats c : cells) {
            int x = versions.computeIfAbsent(c.version(), k -> versions.size());
            int y = values.computeIfAbsent(c.value(), k -> values.size());
            data.add(new double[] {x, y, c.stats().medianMs(), c.stats().hits()});
        }
        return ChartJson.bubble(new ArrayList<>(versions.keySet()), new ArrayList<>(values.keySet()), data,
                "median");
    }


    /** @return the endpoint, or null when the id names none */
    public EndpointSummary getEndpoint() {
        return endpoint;
    }



    public String getHeatmap() {
        return heatmap;
    }

    public String getUsers() {
        return users;
    }

    public String getIps() {
        return ips;
    }

    public String getVersionBoxes() {
        return versionBoxes;
    }

    public String getUserBoxes() {
        return userBoxes;
    }

    public String getStatuses() {
        return statuses;
    }

    /** @return the requests of this page of the list, newest first */
    public List<RequestRow> getRequests() {
        return page == null ? List.of() : page.requests();
    }




    /** @return the links to the older and the newest page of the list */
    public ListPager getPager() {
        return ListPager.of(view, "endpoint.xhtml?id=" + endpoint.id(), page == null ? null : page.next(), "requests");
    }
}
