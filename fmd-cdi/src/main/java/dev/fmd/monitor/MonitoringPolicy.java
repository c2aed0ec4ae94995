package dev.fmd.monitor;

import dev.fmd.Monitored;
import dev.fmd.Unmonitored;

import java.lang.reflect.Method;

/**
 * Decides whether a resource method is monitored: {@link Unmonitored} on the method or its class always excludes;
 * otherwise with auto-binding every resource method is monitored, without it only those whose method or class
 * carries {@link Monitored}.
 *
 * @param autoBind {@code fmd.auto-bind}
 */
public record MonitoringPolicy(boolean autoBind) {

    /**
     * @param type   the user's resource class
     * @param method a resource method of it
     * @return whether requests to it are measured
     */
    public boolean isMonitored(Class<?> type, Method method) {
        if (type.isAnnotationPresent(Unmonitored.class) || method.isAnnotationPresent(Unmonitored.class)) {
            return false;
        }
        return autoBind || type.isAnnotationPresent(Monitored.class) || method.isAnnotationPresent(Monitored.class);
    }
}
