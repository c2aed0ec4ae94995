package dev.fmd.monitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where fmd reports what went wrong inside it without ever throwing into the application: each kind of problem is
 * counted, logged with its stack trace the first time and then at most once a minute with the count.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger("dev.fmd");
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param kind    a short, stable description, e.g. {@code "writing measurements"}
     * @param problem what happened
     */
    public void report(String kind, Throwable problem) {
        Counter counter = counters.computeIfAbsent(kind, k -> new Counter());
        long count = counter.count.incrementAndGet();
        long now = System.nanoTime();
        long last = counter.lastLogged.get();
        if (count == 1 || (now - last > QUIET_NANOS && counter.lastLogged.compareAndSet(last, now))) {
            counter.lastLogged.set(now);
            LOG.log(Level.WARNING, "fmd: " + kind + " failed (" + count + " times so far); the application is not "
                    + "affected: " + problem, count == 1 ? problem : null);
        }
    }


    private static final class Counter {
        final AtomicLong count = new AtomicLong();
        final AtomicLong lastLogged = new AtomicLong();
    }
}
