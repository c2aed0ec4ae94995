package dev.fmd.monitor;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Starts fmd's background threads (the writer, the outlier watch, the profiler's switch) from the server's default
 * {@link ManagedThreadFactory}, so that they carry the application's context and the server knows them. Where the
 * server has none (outside a container), a plain daemon thread is used, and the log says so once.
 */
public final class ManagedThreads {

    private static final String FACTORY = "java:comp/DefaultManagedThreadFactory";
    private static final Logger LOG = Logger.getLogger("dev.fmd");

    private ManagedThreads() {
    }

    /**
     * @param task what the thread runs
     * @param name the thread's name, e.g. {@code fmd-writer}
     * @return the started thread
     */
    public static Thread start(Runnable task, String name) {
        Thread thread = factory().newThread(task);
        thread.setName(name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static ThreadFactory factory() {
        try {
            return (ManagedThreadFactory) new InitialContext().lookup(FACTORY);
        } catch (NamingException | ClassCastException | LinkageError e) {
            LOG.info("fmd: no " + FACTORY + " here (" + e + "); fmd's background threads are plain daemon threads");
            return Thread::new;
        }
    }
}
