package dev.fmd.ui;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers an unexpected error on a dashboard page with a short message (500) instead of the server's error page,
 * which would show a stack trace; the trace goes to the server log. Errors on the application's own pages go to the
 * application's handler, untouched. A form posted for a view the server does not have (expired, or forged: any failure to restore the posted view)
 * is a 400. {@link #write} is the dashboard's one error page, also for wrong parameters
 * (400) and for errors outside Faces ({@link DashboardGuard}).
 */
public class DashboardErrors extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger("dev.fmd");

    /** @param wrapped the application's factory */
    public DashboardErrors(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    /** What the error page of an unexpected error says; the server log has the rest. */
    static final String UNEXPECTED = "The dashboard could not show this page. The server log has the details.";
    /** What the error page of a form posted for a view the server no longer has says. */
    static final String EXPIRED = "parameter 'jakarta.faces.ViewState': this page's form expired or is not one of "
            + "the dashboard's; reload the page.";

    /**
     * Writes the dashboard's error page: a status and one message (escaped), no trace, no database text.
     *
     * @param response a response not committed yet
     * @param status   its status
     * @param message  what went wrong, in words
     * @throws IOException when the client went away
     */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write("<!DOCTYPE html><html><head><title>fmd · error</title></head>"
                + "<body style=\"font-family:system-ui,sans-serif;margin:2rem\"><h1>fmd</h1><p id=\"error\">"
                + LoginPage.escape(message) + "</p><p><a href=\"javascript:history.back()\">Back</a></p></body></html>");
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            if (context != null && DashboardViews.isDashboardRequest(
                    (HttpServletRequest) context.getExternalContext().getRequest())) {
                Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                Throwable first = null;
                boolean posted = false;
                while (events.hasNext()) {
                    ExceptionQueuedEventContext event = events.next().getContext();
                    if (first == null) {
                        first = event.getException();
                        posted = event.getPhaseId() == PhaseId.RESTORE_VIEW
                                && "POST".equals(((HttpServletRequest) context.getExternalContext()
                                .getRequest()).getMethod());
                    }
                    events.remove();
                }
                if (first != null && (posted || expired(first))) {
                    LOG.fine("fmd's dashboard: a form of an expired or unknown view was posted: " + first);
                    answer(context, HttpServletResponse.SC_BAD_REQUEST, EXPIRED);
                } else if (first != null) {
                    LOG.log(Level.WARNING, "fmd's dashboard could not show " + context.getViewRoot() + ": " + first,
                            first);
                    answer(context, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, UNEXPECTED);
                }
            }
            getWrapped().handle();
        }

        /** @return true when the error is a form posted for a view the server does not have (any more) */
        private static boolean expired(Throwable error) {
            for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
                if (e instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void answer(FacesContext context, int status, String message) {
            HttpServletResponse response = (HttpServletResponse) context.getExternalContext().getResponse();
            if (!response.isCommitted()) {
                try {
                    response.reset();
                    write(response, status, message);
                } catch (IOException | IllegalStateException e) {
                    throw new FacesException(e);
                }
            }
            context.responseComplete();
        }
    }
}
