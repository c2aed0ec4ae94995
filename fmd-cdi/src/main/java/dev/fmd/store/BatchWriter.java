package dev.fmd.store;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that writes measurements: creates the tables (retrying while the database is unreachable), writes
 * new endpoints, then drains the {@link dev.fmd.monitor.RecordQueue} in batches of at most {@code fmd.batch-size},
 * at least every {@code fmd.flush-interval} ms. A batch that fails is retried a few times with a pause, then dropped
 * and counted, so one bad batch cannot stop the others.
 */
final class BatchWriter implements Runnable {

    private static final int ATTEMPTS_PER_BATCH = 3;
    private static final long ATTACHMENT_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long MAX_PAUSE_MS = 10_000;

    private final Monitor monitor;
    private final Store store;
    private final LongAdder written = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final List<RequestAttachment> waiting = new ArrayList<>();
    private long nextLevelRefresh;
    private volatile boolean running = true;
    private volatile Thread thread;

    BatchWriter(Monitor monitor, Store store) {
        this.monitor = monitor;
        this.store = store;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        long pause = monitor.config().flushIntervalMs();
        while (running && !store.isOpen()) {
            try {
                store.open();
            } catch (Exception | LinkageError e) {
                monitor.problems().report("creating fmd's tables", e);
                pause = Math.min(pause * 2, MAX_PAUSE_MS);
                sleep(pause);
            }
        }
        List<RequestRecord> batch = new ArrayList<>(monitor.config().batchSize());
        while (running || (store.isOpen() && monitor.queue().size() > 0)) {
            saveNewEndpoints();
            refreshLevels();
            batch.clear();
            fill(batch);
            if (!batch.isEmpty()) {
                writeWithRetries(batch);
            }
            boolean attached = writeAttachments();
            if (batch.isEmpty() && !attached) {
                sleep(monitor.config().flushIntervalMs());
            }
        }
    }

    /**
     * Takes what is queued and, while the batch is not full, keeps taking until {@code fmd.flush-interval} has passed
     * since the first record: under load a transaction then carries a full batch rather than the few records that
     * arrived during the previous write, which divides the per-transaction cost (rollups, last-requested times) by
     * the batch size. A record still waits at most the flush interval.
     */
    private void fill(List<RequestRecord> batch) {
        int size = monitor.config().batchSize();
        monitor.queue().drainTo(batch, size);
        if (batch.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(monitor.config().flushIntervalMs());
        while (running && batch.size() < size) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
            monitor.queue().drainTo(batch, size - batch.size());
        }
    }

    /**
     * Stops the writer after it has written what is queued, waiting at most the given time.
     *
     * @param timeoutMs longest wait
     */
    void stop(long timeoutMs) {
        running = false;
        Thread writer = thread;
        if (writer != null) {
            LockSupport.unpark(writer);
            try {
                writer.join(timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return requests written since start */
    long written() {
        return written.sum();
    }

    /** @return requests dropped since start because their batch could not be written */
    long failed() {
        return failed.sum();
    }

    /**
     * Writes the profiles and outlier contexts whose requests are written; keeps the others for the next round, for
     * a minute at most.
     *
     * @return whether anything was written
     */
    private boolean writeAttachments() {
        monitor.attachments().drainTo(waiting, monitor.config().batchSize());
        if (waiting.isEmpty()) {
            return false;
        }
        List<RequestAttachment> ready = new ArrayList<>();
        for (Iterator<RequestAttachment> it = waiting.iterator(); it.hasNext(); ) {
            RequestAttachment attachment = it.next();
            if (attachment.request().id() != 0) {
                ready.add(attachment);
                it.remove();
            } else if (attachment.request().ageNanos() > ATTACHMENT_PATIENCE_NANOS) {
                it.remove();
                failed.increment();
            }
        }
        if (ready.isEmpty()) {
            return false;
        }
        try {
            store.writeAttachments(ready);
        } catch (RuntimeException e) {
            monitor.problems().report("writing profiles and outliers", e);
            failed.add(ready.size());
        }
        return true;
    }

    /** Reads the levels every {@code fmd.level-refresh} ms, so that a change made on any instance applies here. */
    private void refreshLevels() {
        long now = System.nanoTime();
        if (now - nextLevelRefresh < 0 || !store.isOpen()) {
            return;
        }
        nextLevelRefresh = now + TimeUnit.MILLISECONDS.toNanos(monitor.config().levelRefreshMs());
        try {
            Map<Long, Integer> levels = store.levels();
            for (Endpoint endpoint : monitor.endpoints().all()) {
                Integer level = levels.get(endpoint.id());
                if (level != null) {
                    endpoint.level(level);
                }
            }
        } catch (RuntimeException e) {
            monitor.problems().report("reading endpoint levels", e);
        }
    }

    private void saveNewEndpoints() {
        List<Endpoint> unsaved = monitor.endpoints().takeUnsaved();
        if (unsaved.isEmpty() || !store.isOpen()) {
            monitor.endpoints().returnUnsaved(unsaved);
            return;
        }
        try {
            store.saveEndpoints(unsaved);
        } catch (RuntimeException e) {
            monitor.endpoints().returnUnsaved(unsaved);
            monitor.problems().report("writing endpoints", e);
        }
    }

    private void writeWithRetries(List<RequestRecord> batch) {
        long pause = monitor.config().flushIntervalMs();
        for (int attempt = 1; attempt <= ATTEMPTS_PER_BATCH; attempt++) {
            try {
                if (batch.stream().anyMatch(r -> r.endpoint().id() == 0)) {
                    saveNewEndpoints();
                }
                store.write(batch);
                written.add(batch.size());
                return;
            } catch (RuntimeException e) {
                monitor.problems().report("writing measurements", e);
                if (attempt < ATTEMPTS_PER_BATCH) {
                    pause = Math.min(pause * 2, MAX_PAUSE_MS);
                    sleep(pause);
                }
            }
        }
        failed.add(batch.size());
    }

    private void sleep(long ms) {
        if (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }
    }
}
