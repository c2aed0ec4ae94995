package dev.fmd.ui;

import dev.fmd.query.OutlierDetails;
import dev.fmd.query.OutlierPage;
import dev.fmd.query.OutlierQueries;
import dev.fmd.query.OutlierSummary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs the outlier pages: every outlier of the app ({@code outliers.xhtml}) or of one endpoint
 * ({@code outliers.xhtml?id=N}), slowest first and paged newest first, and one outlier's context
 * ({@code &o=outlierId}) with a link to its call tree when the request was profiled too.
 */
@Named("fmdOutliers")
@RequestScoped
public class OutliersPage {

    /** Outliers per page of the list. */
    static final int PAGE_SIZE = 25;
    /** How many of the slowest outliers are listed. */
    static final int SLOWEST = 5;

    @Inject
    DashboardView view;

    @Inject
    EndpointScope scope;

    @Inject
    OutlierQueries outliers;

    private List<OutlierSummary> slowest = List.of();
    private OutlierPage page;
    private OutlierDetails selected;

    @PostConstruct
    void load() {
        if (!view.isDatabaseUp() || (scope.isChosen() && scope.getEndpoint() == null)) {
            return;
        }
        Long endpointId = scope.getEndpoint() == null ? null : scope.getId();
        var window = view.getWindow();
        var top = view.read("the slowest outliers", () -> outliers.slowestOutliers(endpointId, window, SLOWEST));
        slowest = top == null ? List.of() : top;
        var before = view.cursor();
        page = view.read("the outliers", () -> outliers.outliers(endpointId, window, before, PAGE_SIZE));
        Long outlierId = view.idParameter("o");
        if (outlierId != null) {
            var found = view.read("the outlier", () -> outliers.outlier(outlierId));
            selected = found == null ? null : found
                    .filter(o -> endpointId == null || o.summary().endpointId() == endpointId.longValue()).orElse(null);
        }
    }

    /** @return true when the page is about one endpoint, false for the whole app */
    public boolean isPerEndpoint() {
        return scope.getEndpoint() != null;
    }

    /** @return the slowest outliers of the window, slowest first */
    public List<OutlierSummary> getSlowest() {
        return slowest;
    }

    /** @return this page of the outliers of the window, newest first */
    public List<OutlierSummary> getOutliers() {
        return page == null ? List.of() : page.outliers();
    }

    /** @return the outlier shown in detail, or null */
    public OutlierDetails getSelected() {
        return selected;
    }

    /** @return true when an outlier was asked for ({@code o}) that does not exist (any more) */
    public boolean isUnknownOutlier() {
        return selected == null && view.parameter("o") != null;
    }

    /**
     * @param o an outlier
     * @return the address of its detail, on the page it is listed on
     */
    public String detailLink(OutlierSummary o) {
        return view.link("outliers.xhtml?" + (isPerEndpoint() ? "id=" + o.endpointId() + "&" : "") + "o=" + o.id())
                + "#outlier";
    }

    /**
     * @param o an outlier whose request was profiled
     * @return the address of its call tree
     */
    public String treeLink(OutlierSummary o) {
        return view.link("profiler.xhtml?id=" + o.endpointId() + "&r=" + o.requestId()) + "#tree";
    }

    /**
     * @param o an outlier
     * @return how many times its endpoint's average it took, e.g. {@code 12.3×}; or a dash when not known
     */
    public String timesAverage(OutlierSummary o) {
        double times = o.timesAverage();
        return Double.isNaN(times) ? "–" : view.duration(times) + "×";
    }



    /**
     * @param bytes a number of bytes
     * @return it in whole MiB, e.g. {@code 1,024}
     */
    public String mebibytes(long bytes) {
        return NumberText.fixed(bytes / 1048576.0, 0, true);
    }

    /** @return the links to the older and the newest page of the list */
    public ListPager getPager() {
        return ListPager.of(view, isPerEndpoint() ? "outliers.xhtml?id=" + scope.getId() : "outliers.xhtml",
                page == null ? null : page.next(), "outlier-list");
    }
}
