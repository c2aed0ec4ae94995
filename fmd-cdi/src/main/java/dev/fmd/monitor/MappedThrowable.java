package dev.fmd.monitor;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Reads, in a response filter, the exception the JAX-RS runtime turned into the response, if it did. */
@FunctionalInterface
interface MappedThrowable {

    /**
     * @param request the request whose response is being filtered
     * @return the exception an {@code ExceptionMapper} (the application's or the runtime's own) turned into this
     *         response, or null
     */
    Throwable of(ContainerRequestContext request);
}
