package dev.fmd.rules;

import dev.fmd.monitor.Monitors;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Set;

/** Adds the {@link LevelsApi} at {@code /fmd/api/endpoints} when fmd is enabled. */
public final class RulesInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (Monitors.current().isPresent()) {
            ServletRegistration.Dynamic api = context.addServlet("fmd-levels-api", new LevelsApi());
            if (api != null) {
                api.addMapping("/fmd/api/endpoints", "/fmd/api/endpoints/*");
            }
        }
    }
}
