package dev.fmd.monitor;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Loaded by the JAX-RS runtime through {@code META-INF/services} (Jakarta REST 3.1), like the {@link EndpointFeature},
 * so it applies to every application whatever its {@code Application} subclass returns: registers fmd's one
 * {@link ResponseFilter}. With fmd disabled it registers nothing.
 */
public final class ResponseFeature implements Feature {

    private static final String JERSEY_URI_INFO = "org.glassfish.jersey.server.ExtendedUriInfo";

    @Override
    public boolean configure(FeatureContext context) {
        Monitor monitor = FmdBeans.enabled(Monitor.class).map(Monitor::unproxied).orElse(null);
        if (monitor == null) {
            return false;
        }
        try {
            context.register(new ResponseFilter(monitor, onJersey() ? new JerseyMappedThrowable() : request -> null));
            return true;
        } catch (RuntimeException | LinkageError e) {
            monitor.problems().report("registering fmd's response filter", e);
            return false;
        }
    }

    private static boolean onJersey() {
        try {
            Class.forName(JERSEY_URI_INFO, false, ResponseFeature.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
