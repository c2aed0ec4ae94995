package dev.fmd.store;

import dev.fmd.config.InvalidConfigException;
import dev.fmd.monitor.Monitors;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/**
 * Starts fmd's store when the web module starts (CDI has booted by then, and the application's naming context is
 * complete). An unknown {@code fmd.datasource} stops the deployment here, with a message naming the key.
 */
public final class StoreInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Monitors.current().ifPresent(monitor -> {
            StoreExtension extension = CDI.current().getBeanManager().getExtension(StoreExtension.class);
            try {
                extension.start(monitor);
            } catch (InvalidConfigException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
