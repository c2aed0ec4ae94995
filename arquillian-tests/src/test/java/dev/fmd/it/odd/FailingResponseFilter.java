package dev.fmd.it.odd;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The application's own response filter, which throws on the methods it is bound to. */
@Provider
@FailingResponseFilter.Bound
public class FailingResponseFilter implements ContainerResponseFilter {

    /** Binds the filter to a resource method. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Bound {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        throw new IllegalStateException("the application's response filter failed");
    }
}
