package dev.fmd.monitor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.GenericFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The first filter of every request (added by {@link MonitorInitializer}): starts the clock, and when the request
 * turned out to reach a monitored endpoint, stops it once the response is complete, synchronously or, for an
 * asynchronous resource, when the container completes the response. The status recorded is the one the client got,
 * after the application's exception mappers and filters. Nothing here can throw into the application: an exception
 * from the chain is rethrown unchanged and fmd's own are counted.
 */
public final class RequestTimingFilter extends GenericFilter {

    private static final long serialVersionUID = 1L;

    private final transient Monitor monitor;

    /** @param monitor the monitor to record into, not its proxy */
    RequestTimingFilter(Monitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (monitor == null || !(request instanceof HttpServletRequest http)
                || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        InFlightRequest inFlight = InFlightRequest.open(monitor);
        Throwable escaped = null;
        try {
            chain.doFilter(request, response);
        } catch (Throwable t) {
            escaped = t;
            throw t;
        } finally {
            InFlightRequest.detach(request.isAsyncStarted());
            if (inFlight.endpoint() != null) {
                monitor.finish(inFlight, http, httpResponse, escaped);
            }
        }
    }
}
