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
 * application's handler, untouched.
 */
public class DashboardErrors extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger("dev.fmd");

    /** @param wrapped the application's factory */
    public DashboardErrors(ExceptionHandlerFactory wrapped) {
        super(wrapped);
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
                    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<!DOCTYPE html><html><head><title>fmd · error</title></head>"
                            + "<body style=\"font-family:system-ui,sans-serif;margin:2rem\"><h1>fmd</h1><p>The "
                            + "dashboard could not show this page. The server log has the details.</p>"
                            + "<p><a href=\"javascript:history.back()\">Back</a></p></body></html>");
                } catch (IOException | IllegalStateException e) {
                    throw new FacesException(e);
                }
            }
            context.responseComplete();
        }
    }
}
