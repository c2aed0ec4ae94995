package dev.fmd.testmonitor.client;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers the {@link FmdTestClientFilter} on JAX-RS clients. Listed in {@code META-INF/services}, so a Jakarta
 * REST 3.1 runtime that loads features with the {@link java.util.ServiceLoader} (Jersey 3.1 does, unless
 * {@code jakarta.ws.rs.loadServices} is false) applies it to every client it builds; on a server it does nothing.
 */
public final class FmdTestClientFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.CLIENT
                || context.getConfiguration().isRegistered(FmdTestClientFilter.class)) {
            return false;
        }
        context.register(new FmdTestClientFilter());
        return true;
    }
}
