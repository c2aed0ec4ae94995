package dev.fmd.ui;

import dev.fmd.query.ProfileQueries;
import dev.fmd.query.ProfiledPage;
import dev.fmd.query.ProfiledRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs an endpoint's profiler ({@code profiler.xhtml?id=N}): its slowest profiled requests of the window, the paged
 * list of all of them (newest first, by key), and the call tree of one ({@code &r=requestId}; without it, of the
 * slowest), expandable, with its hottest path open.
 */
@Named("fmdProfiler")
@RequestScoped
public class ProfilerPage {

    /** Requests per page of the list. */
    static final int PAGE_SIZE = 25;
    /** How many of the slowest requests are listed. */
    static final int SLOWEST = 5;

    @Inject
    DashboardView view;

    @Inject
    EndpointScope scope;

    @Inject
    ProfileQueries profiles;

    private List<ProfiledRequest> slowest = List.of();
    private ProfiledPage page;
    private ProfiledRequest selected;
    private List<CallTreeRow> tree = List.of();

    @PostConstruct
    void load() {
        if (scope.getEndpoint() == null) {
            return;
        }
        long id = scope.getId();
        var window = view.getWindow();
        var top = view.read("the slowest profiled requests", () -> profiles.slowestProfiled(id, window, SLOWEST));
        slowest = top == null ? List.of() : top;
        var before = view.cursor();
        page = view.read("the profiled requests", () -> profiles.profiledRequests(id, window, before, PAGE_SIZE));
        Long requestId = view.idParameter("r");
        if (requestId != null) {
            var asked = view.read("the profiled request", () -> profiles.profiledRequest(requestId));
            selected = asked == null ? null : asked.filter(r -> r.endpointId() == id).orElse(null);
        } else if (!slowest.isEmpty()) {
            selected = slowest.get(0);
        }
        if (selected != null) {
            var lines = view.read("the call tree", () -> profiles.tree(selected.requestId()));
            tree = lines == null ? List.of() : CallTrees.ofRequest(lines);
        }
    }

    /** @return the slowest profiled requests of the window, slowest first */
    public List<ProfiledRequest> getSlowest() {
        return slowest;
    }

    /** @return this page of the profiled requests of the window, newest first */
    public List<ProfiledRequest> getRequests() {
        return page == null ? List.of() : page.requests();
    }

    /** @return the request whose tree is shown, or null */
    public ProfiledRequest getSelected() {
        return selected;
    }

    /** @return true when a request was asked for ({@code r}) that is no profiled request of this endpoint */
    public boolean isUnknownRequest() {
        return selected == null && view.parameter("r") != null;
    }

    /** @return the rows of the shown call tree, in pre-order */
    public List<CallTreeRow> getTree() {
        return tree;
    }

    /**
     * @param r a profiled request
     * @return the address of this page showing its tree
     */
    public String treeLink(ProfiledRequest r) {
        return view.link("profiler.xhtml?id=" + r.endpointId() + "&r=" + r.requestId()) + "#tree";
    }

    /**
     * @param r a profiled request that was an outlier too
     * @return the address of its outlier's context
     */
    public String outlierLink(ProfiledRequest r) {
        return view.link("outliers.xhtml?id=" + r.endpointId() + "&o=" + r.outlierId()) + "#outlier";
    }



    /** @return the links to the older and the newest page of the list */
    public ListPager getPager() {
        return ListPager.of(view, "profiler.xhtml?id=" + scope.getId(), page == null ? null : page.next(), "profiled");
    }
}
