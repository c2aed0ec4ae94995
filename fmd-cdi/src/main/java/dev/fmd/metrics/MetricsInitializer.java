package dev.fmd.metrics;

import dev.fmd.access.LoginThrottle;
import dev.fmd.access.TokenGate;
import dev.fmd.monitor.ClientAddress;
import dev.fmd.monitor.FmdBeans;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.StatusQueries;
import dev.fmd.store.BatchWriter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Set;

/**
 * Adds the {@link MetricsServlet} at {@code /<fmd.custom-link>/metrics} (default {@code /fmd/metrics}) when fmd is
 * enabled. The servlet is always there, so a
 * scrape of an instance where the endpoint is off is told which keys turn it on ({@link MetricsAccess}).
 */
public final class MetricsInitializer implements ServletContainerInitializer {

    private static final String SERVLET_NAME = "fmd-metrics";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        try {
            FmdBeans.enabled(Monitor.class).map(Monitor::unproxied).ifPresent(monitor -> {
                RequestCounters counters = FmdBeans.enabled(BatchWriter.class).orElseThrow().unproxied()
                        .requestCounters();
                StatusQueries status = FmdBeans.enabled(StatusQueries.class).orElseThrow();
                ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME,
                        new MetricsServlet(MetricsAccess.of(monitor.config()), new TokenGate(
                                LoginThrottle.shared(context), new ClientAddress(monitor.config().trustedProxies())),
                                monitor, status, counters));
                if (servlet != null) {
                    servlet.addMapping("/" + monitor.config().dashboard().link() + "/metrics");
                }
            });
        } catch (RuntimeException | LinkageError e) {
            FmdBeans.cannotStart("adding /fmd/metrics", e);
        }
    }
}
