package dev.fmd.monitor;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Registered by the {@link EndpointFeature} on every resource method: tells the in-flight request which endpoint the
 * JAX-RS runtime matched, or that it matched a method fmd does not monitor (so the request is not taken for an
 * unmatched one). Runs before the application's own filters, so a request they abort (a 401,
 * say) is still recorded for its endpoint. The priority is on the class: Jersey ignores one given at registration
 * in a {@code DynamicFeature}. At level 2 or more it puts the request in a request property, for the
 * {@link ResponseFilter} of an asynchronous response written on another thread.
 */
@Priority(EndpointFilter.PRIORITY)
final class EndpointFilter implements ContainerRequestFilter {

    /** Before every filter an application is likely to declare. */
    static final int PRIORITY = Integer.MIN_VALUE / 2;

    private final Endpoint endpoint;

    /** @param endpoint the method's endpoint, or null when it is not monitored */
    EndpointFilter(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void filter(ContainerRequestContext requestContext) {
        InFlightRequest request = InFlightRequest.current();
        if (request == null) {
            return;
        }
        if (endpoint == null) {
            request.matchedUnmonitored();
        } else {
            request.endpoint(endpoint);
            if (request.handle() != null) {
                requestContext.setProperty(InFlightRequest.PROPERTY, request);
            }
        }
    }
}
