package dev.fmd.ui;

import dev.fmd.monitor.FmdBeans;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URL;
import java.util.List;

/**
 * Serves the dashboard's Facelets from this jar ({@code META-INF/fmd-views}) under the view ids
 * {@code /<fmd.custom-link>/<page>.xhtml}, so that the dashboard moves with {@code fmd.custom-link} and none of its
 * files is reachable as a static resource of the application. Every other view id goes to the application's own
 * resource handler, untouched.
 */
public class DashboardViews extends ResourceHandlerWrapper {

    /** The pages, as {@code <page>.xhtml} under the dashboard's link. */
    public static final List<String> PAGES = List.of("index.xhtml", "graphs.xhtml", "endpoint.xhtml", "profiler.xhtml",
            "grouped.xhtml", "outliers.xhtml", "rules.xhtml", "configuration.xhtml", "export.xhtml",
            "testmonitor.xhtml", "endpoint-tests.xhtml");

    private static final String FOLDER = "META-INF/fmd-views/";

    private static volatile String base = "/fmd/";

    private final String prefix;

    /**
     * @param wrapped the application's resource handler
     */
    public DashboardViews(ResourceHandler wrapped) {
        super(wrapped);
        this.prefix = "/" + FmdBeans.config().map(c -> c.dashboard().link()).orElse("fmd") + "/";
        base = prefix;
    }

    /**
     * @param viewId a view id
     * @return true when it is a page of the dashboard
     */
    static boolean isDashboardView(String viewId) {
        return viewId != null && viewId.startsWith(base);
    }

    /**
     * @param request a request
     * @return true when it asks for a dashboard page
     */
    static boolean isDashboardRequest(HttpServletRequest request) {
        return request.getServletPath().startsWith(base);
    }

    @Override
    public ViewResource createViewResource(FacesContext context, String path) {
        if (path != null && path.startsWith(prefix) && PAGES.contains(path.substring(prefix.length()))) {
            URL url = DashboardViews.class.getClassLoader().getResource(FOLDER + path.substring(prefix.length()));
            if (url != null) {
                return new ViewResource() {
                    @Override
                    public URL getURL() {
                        return url;
                    }
                };
            }
        }
        return super.createViewResource(context, path);
    }
}
