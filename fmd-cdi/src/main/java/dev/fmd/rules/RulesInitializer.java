package dev.fmd.rules;

import dev.fmd.monitor.FmdBeans;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.LevelChanges;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Set;

/** Adds the {@link LevelsApi} at {@code /fmd/api/endpoints} when fmd is enabled. */
public final class RulesInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FmdBeans.enabled(Monitor.class).ifPresent(monitor -> {
            LevelChanges changes = FmdBeans.enabled(LevelChanges.class).orElseThrow();
            ServletRegistration.Dynamic api = context.addServlet("fmd-levels-api",
                    new LevelsApi(monitor.unproxied(), changes));
            if (api != null) {
                api.addMapping("/fmd/api/endpoints", "/fmd/api/endpoints/*");
            }
        });
    }
}
