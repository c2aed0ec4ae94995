package dev.fmd.profiler;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * The profiler concern's CDI extension: adds the {@link SamplingProfiler} bean, which the monitor tells about
 * requests of level 3.
 */
public class ProfilerExtension implements Extension {

    void addBeans(@Observes BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(SamplingProfiler.class, SamplingProfiler.class.getName());
    }
}
