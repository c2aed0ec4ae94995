package dev.fmd.testmonitor.client;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which test is running, for tagging its HTTP calls. The test's thread (and threads it starts, through an
 * {@link InheritableThreadLocal}) see their test; any other thread (a pool started before the test) sees the test
 * that runs when exactly one runs in the JVM, and nothing while several run in parallel. A thread that inherited a
 * test that has ended no longer sees it.
 */
final class CurrentTest {

    /** A running test: its name, the run key and the token its requests are tagged with (token may be null). */
    record Running(String testName, String runKey, String token) {
        @Override
        public String toString() {
            return "Running[" + testName + ", run " + runKey + "]";
        }
    }

    /** Marks a test as running until {@link #close()}. */
    static final class Handle implements AutoCloseable {
        private final Running test;
        private volatile boolean ended;

        private Handle(Running test) {
            this.test = test;
        }

        @Override
        public void close() {
            ended = true;
            RUNNING.remove(this);
            if (THREAD.get() == this) {
                THREAD.remove();
            }
        }
    }

    private static final InheritableThreadLocal<Handle> THREAD = new InheritableThreadLocal<>();
    private static final Set<Handle> RUNNING = ConcurrentHashMap.newKeySet();

    private CurrentTest() {
    }

    /** Makes {@code test} current on this thread (and threads it starts) and counts it as running. */
    static Handle start(Running test) {
        Handle handle = new Handle(test);
        RUNNING.add(handle);
        THREAD.set(handle);
        return handle;
    }

    static Optional<Running> get() {
        Handle own = THREAD.get();
        if (own != null && !own.ended) {
            return Optional.of(own.test);
        }
        Iterator<Handle> running = RUNNING.iterator();
        if (running.hasNext()) {
            Handle only = running.next();
            if (!running.hasNext() && !only.ended) {
                return Optional.of(only.test);
            }
        }
        return Optional.empty();
    }
}
