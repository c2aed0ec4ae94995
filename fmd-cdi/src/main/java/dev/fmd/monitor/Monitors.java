package dev.fmd.monitor;

import jakarta.enterprise.inject.spi.CDI;

import java.util.Optional;

/**
 * Finds the application's {@link Monitor} for the parts of fmd that the servlet container and the JAX-RS runtime
 * create (they are not CDI beans): through the application's {@link MonitorExtension}.
 */
public final class Monitors {

    private Monitors() {
    }

    /** @return the monitor of the calling application, or empty when fmd is disabled or not (yet) started */
    public static Optional<Monitor> current() {
        try {
            return CDI.current().getBeanManager().getExtension(MonitorExtension.class).monitor();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
