package dev.fmd.ui;

import dev.fmd.query.EndpointQueries;
import dev.fmd.query.EndpointSummary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The endpoint a per-endpoint page is about, as {@code #{fmdScope}}: the one of the parameter {@code id}, with its
 * figures in the page's window, read once per request. Without an id, or with an id no endpoint has, it holds every
 * endpoint instead, for the page to offer a choice ({@code _choose.xhtml}).
 * <pre>
 * &lt;ui:fragment rendered="#{fmdScope.endpoint != null}"&gt; ... #{fmdScope.endpoint.name()} ...
 * </pre>
 */
@Named("fmdScope")
@RequestScoped
public class EndpointScope {

    @Inject
    DashboardView view;

    @Inject
    EndpointQueries endpoints;

    private EndpointSummary endpoint;
    private List<EndpointSummary> all;

    @PostConstruct
    void load() {
        if (!view.isDatabaseUp()) {
            return;
        }
        Long id = view.idParameter("id");
        if (id != null) {
            var summary = view.read("the endpoint", () -> endpoints.summary(id, view.getWindow(), view.now()));
            if (summary == null) {
                return;
            }
            endpoint = summary.orElse(null);
        }
    }

    /** @return the endpoint, or null when the page was asked without an id, or with one no endpoint has */
    public EndpointSummary getEndpoint() {
        return endpoint;
    }

    /** @return its id, or null without an endpoint */
    public Long getId() {
        return endpoint == null ? null : endpoint.id();
    }

    /** @return every endpoint with its figures in the window, when there is no endpoint to show (else empty) */
    public List<EndpointSummary> getAll() {
        if (all == null) {
            var summaries = endpoint != null || !view.isDatabaseUp() ? null
                    : view.read("the endpoints", () -> endpoints.overview(view.getWindow(), view.now()));
            all = summaries == null ? List.of() : summaries;
        }
        return all;
    }

    /** @return true when the page was asked with an id (that may name no endpoint) */
    public boolean isChosen() {
        return view.parameter("id") != null;
    }

    /**
     * @param page    a per-endpoint page, e.g. {@code profiler.xhtml}
     * @param summary an endpoint
     * @return the address of that page of that endpoint, in this window
     */
    public String link(String page, EndpointSummary summary) {
        return view.link(page + "?id=" + summary.id());
    }
}
