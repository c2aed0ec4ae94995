package dev.fmd.ui;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Keeps every dashboard page at its one address, {@code /<link>/<page>.xhtml}, the one the dashboard's login guard
 * covers: forms post back to it (not through another mapping of the application's Faces servlet, such as
 * {@code /faces/*} or {@code *.jsf}), and a dashboard view asked for through any other mapping is answered 404.
 * Views of the application itself are left to the application's view handler.
 */
public class DashboardAddresses extends ViewHandlerWrapper {

    /** @param wrapped the application's view handler */
    public DashboardAddresses(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        if (DashboardViews.isDashboardView(viewId)) {
            return context.getExternalContext().getRequestContextPath() + viewId;
        }
        return super.getActionURL(context, viewId);
    }

    /** Refuses a dashboard view reached through an address other than its own. */
    public static class Guard implements PhaseListener {

        private static final long serialVersionUID = 1L;

        @Override
        public void afterPhase(PhaseEvent event) {
            FacesContext context = event.getFacesContext();
            if (context.getViewRoot() == null || !DashboardViews.isDashboardView(context.getViewRoot().getViewId())) {
                return;
            }
            HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
            if (!request.getServletPath().equals(context.getViewRoot().getViewId()) || request.getPathInfo() != null) {
                try {
                    ((HttpServletResponse) context.getExternalContext().getResponse())
                            .sendError(HttpServletResponse.SC_NOT_FOUND);
                } catch (IOException e) {
                    // the client went away
                }
                context.responseComplete();
            }
        }

        @Override
        public void beforePhase(PhaseEvent event) {
        }

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.RESTORE_VIEW;
        }
    }
}
