package dev.fmd.it.dropin;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

/** The application's own authentication filter: no {@code X-Api-Key}, no entry. */
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString("X-Api-Key") == null) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED).entity("key please").build());
        }
    }
}
