package dev.fmd.monitor;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Adds the {@link RequestTimingFilter} in front of every other filter of the application (asynchronous requests
 * supported, so the application's async resources keep working), with the names of its {@code Application}
 * subclasses (to know its JAX-RS servlets), and remembers the application's {@code @ApplicationPath} for endpoint
 * paths. Does nothing when {@code fmd.enabled=false}.
 */
@HandlesTypes({ApplicationPath.class, Path.class, Application.class})
public final class MonitorInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "fmd-request-timing";

    @Override
    public void onStartup(Set<Class<?>> annotated, ServletContext context) {
        try {
            Optional<Monitor> found = FmdBeans.enabled(Monitor.class).map(Monitor::unproxied);
            if (found.isEmpty()) {
                return;
            }
            Monitor monitor = found.get();
            monitor.endpoints().applicationPath(applicationPathOf(annotated));
            monitor.endpoints().registerRoots(annotated == null ? Set.of() : annotated);
            FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, new RequestTimingFilter(monitor,
                    applicationClassesOf(annotated)));
            if (filter != null) {
                filter.setAsyncSupported(true);
                filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            }
        } catch (Throwable t) {
            FmdBeans.cannotStart("adding its request filter", t);
        }
    }

    /** @return the names of the application's {@code Application} subclasses */
    private static Set<String> applicationClassesOf(Set<Class<?>> annotated) {
        Set<String> names = new HashSet<>();
        for (Class<?> type : annotated == null ? Set.<Class<?>>of() : annotated) {
            if (Application.class.isAssignableFrom(type) && type != Application.class) {
                names.add(type.getName());
            }
        }
        return names;
    }

    /** @return the application path of the application's only {@code @ApplicationPath} class, else "" */
    private static String applicationPathOf(Set<Class<?>> annotated) {
        if (annotated == null) {
            return "";
        }
        String found = null;
        for (Class<?> type : annotated) {
            ApplicationPath path = type.getAnnotation(ApplicationPath.class);
            if (path != null && Application.class.isAssignableFrom(type)) {
                if (found != null && !found.equals(path.value())) {
                    return "";
                }
                found = path.value();
            }
        }
        return found == null ? "" : found;
    }
}
