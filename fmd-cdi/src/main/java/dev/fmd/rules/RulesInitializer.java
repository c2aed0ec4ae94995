package dev.fmd.rules;

import dev.fmd.access.DashboardAccess;
import dev.fmd.access.LoginThrottle;
import dev.fmd.access.TokenGate;
import dev.fmd.config.DashboardSettings;
import dev.fmd.monitor.ClientAddress;
import dev.fmd.monitor.FmdBeans;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.LevelChanges;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Set;

/** Adds the {@link LevelsApi} at {@code /<fmd.custom-link>/api/endpoints} when fmd is enabled. */
public final class RulesInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FmdBeans.enabled(Monitor.class).ifPresent(monitor -> {
            LevelChanges changes = FmdBeans.enabled(LevelChanges.class).orElseThrow();
            DashboardSettings settings = monitor.config().dashboard();
            String base = "/" + settings.link();
            ServletRegistration.Dynamic api = context.addServlet("fmd-levels-api",
                    new LevelsApi(monitor.unproxied(), changes, new DashboardAccess(settings),
                            new TokenGate(LoginThrottle.shared(context),
                                    new ClientAddress(monitor.config().trustedProxies())),
                            context.getContextPath() + base));
            if (api != null) {
                api.addMapping(base + "/api/endpoints", base + "/api/endpoints/*");
            }
        });
    }
}
