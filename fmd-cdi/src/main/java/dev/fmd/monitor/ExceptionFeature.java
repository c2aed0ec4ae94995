package dev.fmd.monitor;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Loaded by the JAX-RS runtime through {@code META-INF/services} (Jakarta REST 3.1), like the {@link EndpointFeature}:
 * on Jersey, registers the {@link JerseyExceptions} listener, which notes the exception of a request that failed
 * before or around its resource method (a parameter that does not convert, a Bean Validation constraint, a locator's
 * exception). On another runtime, or with fmd disabled, it registers nothing and those requests keep their status
 * only.
 */
public final class ExceptionFeature implements Feature {

    private static final String JERSEY_LISTENER = "org.glassfish.jersey.server.monitoring.ApplicationEventListener";

    @Override
    public boolean configure(FeatureContext context) {
        try {
            Class.forName(JERSEY_LISTENER, false, ExceptionFeature.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        Monitor monitor = FmdBeans.enabled(Monitor.class).map(Monitor::unproxied).orElse(null);
        if (monitor == null) {
            return false;
        }
        try {
            context.register(new JerseyExceptions(monitor));
            return true;
        } catch (RuntimeException | LinkageError e) {
            monitor.problems().report("listening to Jersey's exceptions", e);
            return false;
        }
    }
}
