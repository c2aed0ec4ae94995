package dev.fmd.ui;

import dev.fmd.query.DailyHits;
import dev.fmd.query.EndpointPerformance;
import dev.fmd.query.PerformanceQueries;
import dev.fmd.query.UsageQueries;
import dev.fmd.query.VersionHits;
import dev.fmd.query.VersionShare;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the app-wide graphs ({@code graphs.xhtml}): hourly load heatmap (hour of day × day), requests per version
 * and day, each endpoint's share per version, daily requests per endpoint, and a box plot of durations per endpoint,
 * all over the chosen window, each read from the rollups with one query.
 */
@Named("fmdGraphs")
@RequestScoped
public class GraphsPage {

    @Inject
    DashboardView view;

    @Inject
    UsageQueries usage;

    @Inject
    PerformanceQueries performance;

    private String heatmap;
    private String versions;
    private String shares;
    private String daily;
    private String boxes;
    private long requests;

    @PostConstruct
    void load() {
        if (!view.isDatabaseUp()) {
            return;
        }
        var window = view.getWindow();
        var hours = view.read("the hourly load", () -> usage.hourlyLoad(window, view.getZone()));
        if (hours != null) {
            requests = hours.stream().mapToLong(h -> h.hits()).sum();
            heatmap = hours.isEmpty() ? null : ChartAxes.heatmap(hours, window, view.getZone());
        }
        List<String> days = ChartAxes.utcDays(window);
        List<VersionHits> perVersion = view.read("requests per version", () -> usage.dailyVersions(window));
        if (perVersion != null && !perVersion.isEmpty()) {
            Map<String, Map<String, Long>> byVersion = new LinkedHashMap<>();
            perVersion.forEach(v -> byVersion.computeIfAbsent(v.version(), k -> new LinkedHashMap<>())
                    .merge(v.day().toString(), v.hits(), Long::sum));
            versions = ChartJson.stacked(days, ChartJson.series(days, byVersion, v -> null), "bar", "requests");
        }
        List<VersionShare> share = view.read("versions per endpoint", () -> usage.versionShares(window));
        if (share != null && !share.isEmpty()) {
            List<String> versionNames = share.stream().map(VersionShare::version).distinct().toList();
            List<String> endpoints = share.stream().map(VersionShare::endpointName).distinct().toList();
            List<double[]> cells = new ArrayList<>();
            share.forEach(s -> cells.add(new double[] {versionNames.indexOf(s.version()),
                    endpoints.indexOf(s.endpointName()), s.share()}));
            shares = ChartJson.heatmap(versionNames, endpoints, cells, "share of the endpoint's requests", true);
        }
        List<DailyHits> perDay = view.read("daily requests", () -> usage.dailyHits(window));
        if (perDay != null && !perDay.isEmpty()) {
            Map<String, Map<String, Long>> byEndpoint = new java.util.TreeMap<>();
            perDay.forEach(d -> byEndpoint.computeIfAbsent(d.endpointName(), k -> new LinkedHashMap<>())
                    .merge(d.day().toString(), d.hits(), Long::sum));
            daily = ChartJson.stacked(days, ChartJson.series(days, byEndpoint, view::color), "bar", "requests");
        }
        List<EndpointPerformance> perEndpoint = view.read("durations per endpoint", () -> performance.endpoints(window));
        if (perEndpoint != null && !perEndpoint.isEmpty()) {
            boxes = ChartJson.boxplot(perEndpoint.stream().map(p -> new ChartJson.Box(p.endpointName(),
                    view.color(p.endpointName()), p.stats())).toList(), "duration");
        }
    }

    /** @return requests in the window (whole hours), for the empty state */
    public long getRequests() {
        return requests;
    }

    /** @return the hour × day heatmap, or null without requests */
    public String getHeatmap() {
        return heatmap;
    }

    /** @return requests per version and day, or null */
    public String getVersions() {
        return versions;
    }

    /** @return each endpoint's share of requests per version, or null */
    public String getShares() {
        return shares;
    }

    /** @return requests per endpoint and day, or null */
    public String getDaily() {
        return daily;
    }

    /** @return the box plot per endpoint, or null */
    public String getBoxes() {
        return boxes;
    }
}
