package dev.fmd.profiler;

import dev.fmd.monitor.FmdBeans;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/**
 * Starts the profiler's {@link SamplingSwitch} when the web module starts, so that the JFR recording runs before the
 * first request whenever an endpoint is at level 3 (the default level {@code fmd.monitor-level}, or a level stored in
 * the database), and follows level changes from then on, off the request path.
 */
public final class ProfilerInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FmdBeans.enabled(SamplingProfiler.class).ifPresent(profiler -> {
            try {
                ((SamplingProfiler) profiler.unproxied()).start();
            } catch (RuntimeException | LinkageError e) {
                FmdBeans.cannotStart("starting its profiler", e);
            }
        });
    }
}
