package dev.fmd.profiler;

import dev.fmd.monitor.MonitorExtension;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

/**
 * The profiler concern's CDI extension: puts a {@link SamplingProfiler} on the application's monitor, and closes its
 * recording at shutdown.
 */
public class ProfilerExtension implements Extension {

    private SamplingProfiler profiler;

    void register(@Observes AfterBeanDiscovery discovery, BeanManager beanManager) {
        beanManager.getExtension(MonitorExtension.class).monitor().ifPresent(monitor -> {
            profiler = new SamplingProfiler(monitor.config().samplingPeriodMs(), monitor.config().profilerRate(),
                    monitor.attachments(), monitor.problems());
            monitor.addObserver(profiler);
        });
    }

    void stop(@Observes BeforeShutdown shutdown) {
        if (profiler != null) {
            profiler.close();
        }
    }
}
