package dev.fmd.it.odd;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The application's own request filter, which throws on the methods it is bound to. */
@Provider
@FailingRequestFilter.Bound
public class FailingRequestFilter implements ContainerRequestFilter {

    /** Binds the filter to a resource method. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Bound {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        throw new IllegalStateException("the application's request filter failed");
    }
}
