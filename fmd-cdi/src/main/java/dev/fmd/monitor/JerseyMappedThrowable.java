package dev.fmd.monitor;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * On Jersey: the exception it mapped to the response, from {@link ExtendedUriInfo#getMappedThrowable()}; loaded only
 * when Jersey is the runtime ({@link ResponseFeature}). Reading it costs a field read per response, where a Jersey
 * {@code RequestEventListener} made Jersey build an event object for every step of every request.
 */
final class JerseyMappedThrowable implements MappedThrowable {

    @Override
    public Throwable of(ContainerRequestContext request) {
        return request.getUriInfo() instanceof ExtendedUriInfo jersey ? jersey.getMappedThrowable() : null;
    }
}
