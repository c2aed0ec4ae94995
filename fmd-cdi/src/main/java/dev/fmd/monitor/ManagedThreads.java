package dev.fmd.monitor;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Starts fmd's worker threads (the writer, the outlier watch, the profiler's switch) on the server's default
 * {@link ManagedThreadFactory}: fmd has no thread of its own, so the server knows each of them and they carry the
 * application's context (class loader, naming).
 * <p>
 * The factory is looked up once, when this bean is created at deployment (the container fires
 * {@code @Initialized(ApplicationScoped.class)} on the deploying thread), and kept: {@code java:comp} is the
 * application's own naming environment, which only the application's threads (deployment, requests, its managed
 * threads) see; looked up from any other thread it fails.
 * <p>
 * Where the server has no such factory (no Jakarta Concurrency), no worker starts, never a plain thread instead: the
 * log says so once (SEVERE) and each worker that could not start is counted in {@link Problems}. Requests are still
 * timed and queued, and what the queue cannot hold is dropped and counted as usual. Outside a container (unit tests,
 * benchmarks) the caller passes its {@link ThreadFactory} explicitly.
 * <pre>
 * ManagedThreads threads = new ManagedThreads(Thread::new, problems); // a test's explicit factory
 * Optional&lt;Thread&gt; writer = threads.start(this, "fmd-writer"); // empty without a factory
 * </pre>
 */
@ApplicationScoped
public class ManagedThreads {

    /** The server's default managed thread factory (Jakarta Concurrency). */
    public static final String DEFAULT_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private static final Logger LOG = Logger.getLogger("dev.fmd");

    private ThreadFactory factory;
    private String missing;
    private Supplier<Problems> problems;
    private final AtomicBoolean told = new AtomicBoolean();

    /** For the container's proxy. */
    protected ManagedThreads() {
    }

    /**
     * Looks the server's default factory up, now, on the deploying thread.
     *
     * @param monitor where a worker that cannot start is counted (read only then)
     */
    @Inject
    public ManagedThreads(Instance<Monitor> monitor) {
        this.problems = () -> monitor.get().problems();
        Lookup found = lookUpDefault();
        this.factory = found.factory();
        this.missing = found.missing();
    }

    /**
     * Threads from an explicit factory (tests and benchmarks outside a container).
     *
     * @param factory  makes the threads; null stands for a server without one
     * @param problems where a worker that cannot start is counted
     */
    public ManagedThreads(ThreadFactory factory, Problems problems) {
        this.factory = factory;
        this.missing = factory == null ? "no thread factory given" : null;
        this.problems = () -> problems;
    }

    /**
     * @return the server's default factory as the current thread's {@code java:comp} has it, or why there is none
     */
    static Lookup lookUpDefault() {
        try {
            return new Lookup((ManagedThreadFactory) new InitialContext().lookup(DEFAULT_FACTORY), null);
        } catch (NamingException | ClassCastException | LinkageError e) {
            return new Lookup(null, e.toString());
        }
    }

    /** A factory found, or why none was ({@code missing}). */
    record Lookup(ThreadFactory factory, String missing) {
    }

    /** Creates this bean, and so looks the factory up, while the application is being deployed. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the constructor did the look-up
    }

    /** @return whether workers can start here */
    public boolean available() {
        return factory != null;
    }

    /**
     * Starts a daemon worker thread, on the server's factory.
     *
     * @param task what the thread runs
     * @param name the thread's name, e.g. {@code fmd-writer}
     * @return the started thread, or empty when there is no factory (logged once, and counted) or it refused
     */
    public Optional<Thread> start(Runnable task, String name) {
        if (factory == null) {
            if (told.compareAndSet(false, true)) {
                LOG.severe("fmd: the server has no " + DEFAULT_FACTORY + " (Jakarta Concurrency): " + missing
                        + ". fmd starts no thread of its own, so its writer, outlier watch and profiler do not run: "
                        + "requests are timed and queued, nothing is stored. The application is not affected.");
            }
            problems.get().report("starting " + name + " (no managed thread factory)",
                    new IllegalStateException(DEFAULT_FACTORY + " missing: " + missing));
            return Optional.empty();
        }
        try {
            Thread thread = factory.newThread(task);
            thread.setName(name);
            thread.setDaemon(true);
            thread.start();
            return Optional.of(thread);
        } catch (RuntimeException e) {
            problems.get().report("starting " + name, e);
            return Optional.empty();
        }
    }

    /**
     * Wakes a worker that was told to stop (it parks between rounds) and waits for it to end.
     *
     * @param worker the worker's thread, or null when it never started
     * @param millis how long to wait at most
     */
    public static void awaitEnd(Thread worker, long millis) {
        if (worker == null) {
            return;
        }
        LockSupport.unpark(worker);
        try {
            worker.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
