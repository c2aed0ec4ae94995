package dev.fmd.monitor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fmd's workers start on the given factory only: without one, none starts, and the log says so once. */
class ManagedThreadsTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("dev.fmd").addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("dev.fmd").removeHandler(handler);
    }

    @Test
    void outsideAContainerTheDefaultFactoryIsNotFoundAndNamedWhy() {
        ManagedThreads.Lookup found = ManagedThreads.lookUpDefault();
        assertNull(found.factory());
        assertTrue(found.missing().contains("NoInitialContextException"), found.missing());
    }

    @Test
    void withoutAFactoryNoWorkerStartsAndTheLogSaysSoOnce() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        ManagedThreads threads = new ManagedThreads(null, new Problems());
        assertFalse(threads.available());
        assertEquals(Optional.empty(), threads.start(ran::incrementAndGet, "fmd-writer"));
        assertEquals(Optional.empty(), threads.start(ran::incrementAndGet, "fmd-outlier-watch"));
        Thread.sleep(100);
        assertEquals(0, ran.get(), "no task ran on any thread");
        assertEquals(1, logged.stream().filter(r -> r.getLevel() == Level.SEVERE
                && r.getMessage().contains(ManagedThreads.DEFAULT_FACTORY)
                && r.getMessage().contains("starts no thread of its own")).count(), messages());
        assertEquals(1, logged.stream().filter(r -> r.getMessage().contains("starting fmd-writer")).count(),
                messages());
        assertEquals(1, logged.stream().filter(r -> r.getMessage().contains("starting fmd-outlier-watch")).count(),
                messages());
    }

    @Test
    void workersRunOnTheGivenFactoryAsNamedDaemons() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        ManagedThreads threads = new ManagedThreads(task -> {
            made.incrementAndGet();
            return new Thread(task);
        }, new Problems());
        Thread thread = threads.start(ran::countDown, "fmd-writer").orElseThrow();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        thread.join(5000);
        assertEquals(1, made.get());
        assertEquals("fmd-writer", thread.getName());
        assertTrue(thread.isDaemon());
        assertTrue(logged.isEmpty(), messages());
    }

    private String messages() {
        return logged.stream().map(LogRecord::getMessage).toList().toString();
    }

    @Test
    void awaitEndWakesAParkedWorkerToldToStopAndReturnsOnceItEnded() {
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread worker = new ManagedThreads(Thread::new, new Problems()).start(() -> {
            while (running.get()) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(1));
            }
        }, "fmd-parked").orElseThrow();
        running.set(false);
        ManagedThreads.awaitEnd(worker, 10_000);
        assertFalse(worker.isAlive(), "a worker parked for a minute ended when woken");
        ManagedThreads.awaitEnd(null, 10_000); // a worker that never started
    }
}
