package dev.fmd.it.unmatched;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The application's CORS handling, before matching: a request from another origin than {@link #ALLOWED} gets a
 * 403, a preflight ({@code OPTIONS} with an {@code Origin}) from it is answered here with a 204.
 */
@Provider
@PreMatching
public class OriginFilter implements ContainerRequestFilter {

    public static final String ALLOWED = "https://shop.example";

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        if (!ALLOWED.equals(origin)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).build());
        } else if ("OPTIONS".equals(request.getMethod())) {
            request.abortWith(Response.noContent().header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", "GET, POST").build());
        }
    }
}
