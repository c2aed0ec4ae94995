package dev.fmd.ui;

import dev.fmd.query.RequestCursor;

/**
 * The links between the pages of a list read by key (requests, profiled requests, outliers): to the next, older page,
 * and back to the newest. {@code _pager.xhtml} shows them.
 * <pre>
 * pager = ListPager.of(view, "profiler.xhtml?id=" + id, page.next(), "profiled");
 * </pre>
 *
 * @param older  the address of the next (older) page, or null on the last
 * @param newest the address of the newest page when this is an older one, else null
 */
public record ListPager(String older, String newest) {

    /**
     * @param view   the page's view, whose window and parameter {@code before} the links keep and read
     * @param page   the page with its own parameters, e.g. {@code profiler.xhtml?id=3}
     * @param next   the cursor of the older page, or null when there is none
     * @param anchor the id of the list's element, where the links land
     * @return the links
     */
    static ListPager of(DashboardView view, String page, RequestCursor next, String anchor) {
        String separator = page.contains("?") ? "&" : "?";
        return new ListPager(next == null ? null : view.link(page + separator + "before=" + DashboardView.before(next))
                + "#" + anchor, view.cursor() == null ? null : view.link(page) + "#" + anchor);
    }
}
