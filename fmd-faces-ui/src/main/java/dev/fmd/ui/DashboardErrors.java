package dev.fmd.ui;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers an unexpected error on a dashboard page with a short message (500) instead of the server's error page,
 * which would show a stack trace; the trace goes to the server log. Errors on the application's own pages go to the
 * application's handler, untouched. {@link #write} is the dashboard's one error page, also for wrong parameters
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
                while (events.hasNext()) {
                    Throwable error = events.next().getContext().getException();
                    if (first == null) {
                        first = error;
                    }
                    events.remove();
                }
                if (first != null) {
                    LOG.log(Level.WARNING, "fmd's dashboard could not show " + context.getViewRoot() + ": " + first,
                            first);
                    answer(context);
                }
            }
            getWrapped().handle();
        }

        private static void answer(FacesContext context) {
            HttpServletResponse response = (HttpServletResponse) context.getExternalContext().getResponse();
            if (!response.isCommitted()) {
                try {
                    response.reset();
                    write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, UNEXPECTED);
                } catch (IOException | IllegalStateException e) {
                    throw new FacesException(e);
                }
            }
            context.responseComplete();
        }
    }
}
