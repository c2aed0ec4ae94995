package dev.fmd.monitor;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * fmd's one JAX-RS response filter, global (it also sees the responses of requests that matched no resource method),
 * registered by the {@link ResponseFeature}. On each response of a request fmd follows:
 * <ul>
 * <li>notes the exception the runtime turned into the response ({@link MappedThrowable}): the one that escaped the
 * resource method before the application's {@code ExceptionMapper} answered for it, a parameter that did not convert
 * ({@code ParamException}), a Bean Validation constraint ({@code ConstraintViolationException}), a failing locator, a
 * {@code NotFoundException} of a path no method matches. An exception no mapper answers for reaches the
 * {@link RequestTimingFilter} instead. The first exception noted wins, so a {@link MonitoringInterceptor} the
 * application bound itself keeps the resource method's own.</li>
 * <li>tells the {@link Monitor} that the response of an asynchronous request of level 2 or more is being written on
 * a thread other than the request's: the container may never report its end (Payara does not when the client left
 * before the response), so the request is {@linkplain RequestObserver#ended ended} for the observers now.</li>
 * </ul>
 * It runs after the application's response filters (the lowest priority runs last) and never throws.
 */
@Priority(EndpointFilter.PRIORITY)
final class ResponseFilter implements ContainerResponseFilter {

    private final Monitor monitor;
    private final MappedThrowable mapped;

    /**
     * @param monitor where fmd's own problems are counted
     * @param mapped  reads the mapped exception on this runtime
     */
    ResponseFilter(Monitor monitor, MappedThrowable mapped) {
        this.monitor = monitor;
        this.mapped = mapped;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        try {
            Object carried = requestContext.getProperty(InFlightRequest.PROPERTY);
            InFlightRequest request = carried instanceof InFlightRequest r ? r : InFlightRequest.current();
            if (request == null) {
                return;
            }
            Throwable thrown = mapped.of(requestContext);
            if (thrown != null) {
                request.escaped(Monitor.unwrap(thrown));
            }
            if (carried != null && request.thread() != Thread.currentThread()) {
                request.respondingElsewhere();
            }
        } catch (Throwable t) {
            monitor.problems().report("noting the end of a response", t);
        }
    }
}
