package dev.fmd.monitor;

import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Jersey's listener of requests, registered by the {@link ExceptionFeature}: when Jersey meets an exception while
 * serving a request ({@link RequestEvent.Type#ON_EXCEPTION}), notes its type on the request's
 * {@link InFlightRequest}, unless the request already has one (the resource method's own, noted by the
 * {@link MonitoringInterceptor}). So the request row of a 400 or 404 from a parameter that does not convert
 * ({@code ParamException}), a Bean Validation constraint ({@code ConstraintViolationException}) or a failing
 * locator names the exception, as the one of a failing resource method does. Stateless, one instance for every
 * request; never throws.
 */
final class JerseyExceptions implements ApplicationEventListener, RequestEventListener {

    private final Monitor monitor;

    /** @param monitor where fmd's own problems are counted */
    JerseyExceptions(Monitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to follow about the application
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return InFlightRequest.current() == null ? null : this;
    }

    @Override
    public void onEvent(RequestEvent event) {
        if (event.getType() != RequestEvent.Type.ON_EXCEPTION) {
            return;
        }
        try {
            InFlightRequest request = InFlightRequest.current();
            if (request != null && event.getException() != null) {
                request.escaped(Monitor.unwrap(event.getException()));
            }
        } catch (Throwable t) {
            monitor.problems().report("noting the exception of a request", t);
        }
    }
}
