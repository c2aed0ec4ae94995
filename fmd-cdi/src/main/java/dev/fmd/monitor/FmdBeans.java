package dev.fmd.monitor;

import dev.fmd.config.FmdConfig;
import jakarta.enterprise.inject.spi.CDI;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the parts of fmd that the servlet container and the JAX-RS runtime create (they are not CDI beans) reach fmd's
 * beans: through the application's CDI container, once, at deployment. When fmd cannot start there, the log says so
 * once, with the cause, and the application runs unmonitored.
 */
public final class FmdBeans {

    private static final Logger LOG = Logger.getLogger("dev.fmd");
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

    private FmdBeans() {
    }

    /**
     * @param type a bean type of fmd's
     * @return the application's bean, or empty when fmd is disabled ({@code fmd.enabled=false}) or could not start
     */
    public static <T> Optional<T> enabled(Class<T> type) {
        try {
            if (!CDI.current().select(FmdConfig.class).get().enabled()) {
                return Optional.empty();
            }
            return Optional.of(CDI.current().select(type).get());
        } catch (RuntimeException | LinkageError e) {
            cannotStart(type.getSimpleName(), e);
            return Optional.empty();
        }
    }

    /**
     * @return the application's validated configuration, also when fmd is disabled; empty when it is invalid (the
     *         deployment then fails) or CDI is not there
     */
    public static Optional<FmdConfig> config() {
        try {
            return Optional.of(CDI.current().select(FmdConfig.class).get());
        } catch (RuntimeException | LinkageError e) {
            cannotStart("reading the configuration", e);
            return Optional.empty();
        }
    }

    /**
     * Logs, once per application, that fmd cannot start, and why.
     *
     * @param where what fmd was doing
     * @param cause what went wrong
     */
    public static void cannotStart(String where, Throwable cause) {
        if (FAILURE_LOGGED.compareAndSet(false, true)) {
            LOG.log(Level.SEVERE, "fmd cannot start (" + where + "): " + cause + ". The application runs "
                    + "unmonitored; nothing else is affected.", cause);
        }
    }
}
