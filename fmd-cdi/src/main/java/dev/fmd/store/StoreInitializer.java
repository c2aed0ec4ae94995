package dev.fmd.store;

import dev.fmd.config.InvalidConfigException;
import dev.fmd.monitor.FmdBeans;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/**
 * Starts fmd's writer when the web module starts (CDI has booted by then, and the application's naming context is
 * complete). An unknown {@code fmd.datasource} stops the deployment here, with a message naming the key.
 */
public final class StoreInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FmdBeans.enabled(BatchWriter.class).ifPresent(writer -> {
            try {
                FmdBeans.enabled(Store.class).orElseThrow().connect();
                writer.start();
            } catch (InvalidConfigException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (RuntimeException | LinkageError e) {
                FmdBeans.cannotStart("starting its writer", e);
            }
        });
    }
}
