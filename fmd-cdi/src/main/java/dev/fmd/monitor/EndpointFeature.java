package dev.fmd.monitor;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Loaded by the JAX-RS runtime through {@code META-INF/services} (Jakarta REST 3.1), so it applies to every
 * application whatever its {@code Application} subclass returns. For each resource method the runtime builds, it
 * registers the method's endpoint and an {@link EndpointFilter} that names it on each request (or, on a method fmd
 * does not monitor, notes that the request was matched). This reaches resource
 * classes CDI never sees (no bean-defining annotation in a WAR without {@code beans.xml}).
 */
public final class EndpointFeature implements DynamicFeature {

    private volatile Monitor monitor;
    private volatile boolean resolved;

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Monitor known = monitor();
        if (known == null) {
            return;
        }
        try {
            context.register(new EndpointFilter(known.endpoints()
                    .endpointFor(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod()).orElse(null)));
        } catch (Throwable t) {
            known.problems().report("registering endpoint " + resourceInfo.getResourceMethod(), t);
        }
    }

    private Monitor monitor() {
        if (!resolved) {
            monitor = FmdBeans.enabled(Monitor.class).map(Monitor::unproxied).orElse(null);
            resolved = true;
        }
        return monitor;
    }
}
