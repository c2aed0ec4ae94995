package dev.fmd.monitor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.GenericFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * The first filter of every request (added by {@link MonitorInitializer}): starts the clock, and when the request
 * turned out to reach a monitored endpoint, or went to a JAX-RS servlet but reached no resource method (see
 * {@link Monitor#reachedNoMethod}), stops it once the response is complete, synchronously or, for an
 * asynchronous resource, when the container completes the response. The status recorded is the one the client got,
 * after the application's exception mappers and filters. Nothing here can throw into the application: an exception
 * from the chain is rethrown unchanged and fmd's own are counted.
 */
public final class RequestTimingFilter extends GenericFilter {

    private static final long serialVersionUID = 1L;

    private final transient Monitor monitor;
    private final transient Set<String> applicationClasses;
    private transient volatile JaxRsServlets jaxRs = JaxRsServlets.NONE;

    /**
     * @param monitor            the monitor to record into, not its proxy
     * @param applicationClasses the names of the application's {@code Application} subclasses
     */
    RequestTimingFilter(Monitor monitor, Set<String> applicationClasses) {
        this.monitor = monitor;
        this.applicationClasses = Set.copyOf(applicationClasses);
    }

    /** Finds the application's JAX-RS servlets, all registered by now. */
    @Override
    public void init() {
        if (monitor != null) {
            jaxRs = monitor.jaxRsServlets(getServletContext(), applicationClasses);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (monitor == null || !(request instanceof HttpServletRequest http)
                || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        monitor.serving();
        InFlightRequest inFlight = InFlightRequest.open(monitor);
        Throwable escaped = null;
        try {
            chain.doFilter(request, response);
        } catch (Throwable t) {
            escaped = t;
            throw t;
        } finally {
            InFlightRequest.detach(request.isAsyncStarted());
            if (inFlight.endpoint() != null
                    || !inFlight.matched() && monitor.reachedNoMethod(inFlight, http, jaxRs)) {
                monitor.finish(inFlight, http, httpResponse, escaped);
            }
        }
    }
}
