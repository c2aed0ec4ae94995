package dev.fmd.monitor;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Loaded by the JAX-RS runtime through {@code META-INF/services} (Jakarta REST 3.1), so it applies to every
 * application whatever its {@code Application} subclass returns. For each resource method the runtime builds, it
 * registers the method's endpoint and an {@link EndpointFilter} that names it on each request. This reaches resource
 * classes CDI never sees (no bean-defining annotation in a WAR without {@code beans.xml}).
 */
public final class EndpointFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Monitors.current().ifPresent(monitor -> {
            try {
                monitor.endpoints().endpointFor(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod())
                        .ifPresent(endpoint -> context.register(new EndpointFilter(endpoint)));
            } catch (Throwable t) {
                monitor.problems().report("registering endpoint " + resourceInfo.getResourceMethod(), t);
            }
        });
    }
}
