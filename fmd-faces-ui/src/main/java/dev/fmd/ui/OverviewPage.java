package dev.fmd.ui;

import dev.fmd.query.EndpointQueries;
import dev.fmd.query.TestmonitorQueries;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backs the overview ({@code index.xhtml}): every endpoint with its hits (total, today, last 7 days), median, p90
 * and p99 and 4xx/5xx answers over the chosen window, last request, level and colour. Read once per page view from
 * the rollups; the table sorts and filters that list. When a test run was uploaded in the window (the Testmonitor),
 * also how many tests reached each endpoint, and which endpoints no test reached.
 */
@Named("fmdOverview")
@ViewScoped
public class OverviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DashboardView view;

    @Inject
    transient EndpointQueries queries;

    @Inject
    transient TestmonitorQueries testmonitor;

    private List<EndpointRow> endpoints = List.of();
    private List<EndpointRow> filtered;
    private boolean testRuns;
    private List<EndpointRow> uncovered = List.of();

    @PostConstruct
    void load() {
        if (!view.isDatabaseUp()) {
            return;
        }
        var summaries = view.read("the overview", () -> queries.overview(view.getWindow(), view.now()));
        if (summaries == null) {
            return;
        }
        var runs = view.read("the test runs", () -> testmonitor.runs(view.getWindow(), 1));
        testRuns = runs != null && !runs.isEmpty();
        Map<Long, Integer> covering = testRuns ? view.read("the tests per endpoint",
                () -> testmonitor.testsPerEndpoint(view.getWindow())) : null;
        endpoints = summaries.stream().map(s -> new EndpointRow(s, view.link("endpoint.xhtml?id=" + s.id()),
                view.color(s.name()), covering == null ? -1 : covering.getOrDefault(s.id(), 0)))
                .collect(Collectors.toCollection(ArrayList::new));
        uncovered = endpoints.stream().filter(e -> e.getTests() == 0).toList();
    }

    /** @return the endpoints, by name; mutable, as the table sorts it in place */
    public List<EndpointRow> getEndpoints() {
        return endpoints;
    }

    /** @return true when a test run was uploaded in the window: the table has a Tests column */
    public boolean isTestRuns() {
        return testRuns;
    }

    /** @return the endpoints no test of the window's runs reached, by name; empty without runs */
    public List<EndpointRow> getUncovered() {
        return uncovered;
    }

    /** @return the endpoints the table's filter keeps, or null before filtering */
    public List<EndpointRow> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<EndpointRow> filtered) {
        this.filtered = filtered;
    }

    /**
     * @param level a monitoring level
     * @return what fmd keeps at that level
     */
    public String levelMeaning(int level) {
        return Levels.meaning(level);
    }
}
