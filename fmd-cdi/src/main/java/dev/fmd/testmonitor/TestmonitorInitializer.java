package dev.fmd.testmonitor;

import dev.fmd.access.LoginThrottle;
import dev.fmd.access.TokenGate;
import dev.fmd.monitor.ClientAddress;
import dev.fmd.monitor.FmdBeans;
import dev.fmd.monitor.Monitor;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Set;

/**
 * Adds the {@link TestRunUploadServlet} at {@code /<fmd.custom-link>/api/test-runs} when fmd is enabled. The servlet
 * is there even when uploads are off, so that a pipeline is told which key turns them on.
 */
public final class TestmonitorInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        try {
            FmdBeans.enabled(Monitor.class).map(Monitor::unproxied).ifPresent(monitor -> {
                String base = "/" + monitor.config().dashboard().link();
                ServletRegistration.Dynamic upload = context.addServlet("fmd-test-runs", new TestRunUploadServlet(
                        monitor.config().testmonitorToken(), monitor.config().appVersion(),
                        new TokenGate(LoginThrottle.shared(context),
                                new ClientAddress(monitor.config().trustedProxies())),
                        FmdBeans.enabled(TestRuns.class).orElseThrow(), monitor.problems(),
                        context.getContextPath() + base));
                if (upload != null) {
                    upload.addMapping(base + "/api/test-runs");
                }
            });
        } catch (RuntimeException | LinkageError e) {
            FmdBeans.cannotStart("adding /fmd/api/test-runs", e);
        }
    }
}
