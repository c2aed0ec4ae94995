package dev.fmd.store;

import dev.fmd.metrics.RequestCounters;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestRecord;
import dev.fmd.testmonitor.TestHit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that writes what the application's requests left in the {@link dev.fmd.monitor.RecordQueue}s:
 * migrates the tables, writes new endpoints, drains requests in batches of at most {@code fmd.batch-size} at least
 * every {@code fmd.flush-interval} ms, then their call trees and outliers through each feature's
 * {@link AttachmentWriter}, and the {@link Rollups} (hourly ones as often as batches, the others every few seconds).
 * <p>
 * Failures never lose what fits in memory:
 * <ul>
 * <li>While the database does not answer ({@link Failure.Kind#TRANSIENT}), the batch in hand is kept and tried again
 * with a pause growing from 0.5 s to 5 s; the queue keeps filling up to {@code fmd.queue-capacity} (beyond, the
 * request threads drop and count). Nothing else touches the database meanwhile. {@link DatabaseHealth} logs one line
 * when it goes and one when it is back.</li>
 * <li>When the database refuses data ({@link Failure.Kind#DATA}), the batch is split in halves until the refused rows
 * are alone: only those are dropped, and counted as rejected.</li>
 * </ul>
 * Request threads never wait for any of this.
 * <p>
 * The writer migrates the tables as soon as it starts, but opens the persistence unit and writes the application's
 * endpoints (seconds of CPU with their JIT compilation, for 500 endpoints) when they are first needed: when the
 * application gets its first request (of any kind: its boot is over), when the first request or attachment is
 * queued, when a dashboard page reads them (the read opens the persistence unit,
 * {@link Store#openOnFirstRead}) or shows the database's state ({@link #wanted()}), or
 * {@value #OPEN_DELAY_SECONDS} s after the writer starts, whichever comes first. So the application's boot, early in
 * which the writer starts, does not share the machine with them.
 */
@ApplicationScoped
public class BatchWriter implements Runnable {

    private static final long MIN_PAUSE_MS = 500;
    private static final long MAX_PAUSE_MS = 5_000;
    private static final long SLOW_ROLLUPS_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long ATTACHMENT_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final long SHUTDOWN_WAIT_MS = 5_000;
    static final long OPEN_DELAY_SECONDS = 20;
    private static final long FIRST_USE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Set<RollupTable> HOURLY = Set.of(RollupTable.HOUR);

    private Monitor monitor;
    private Store store;
    private List<AttachmentWriter> parts;
    private final DatabaseHealth health = new DatabaseHealth();
    private final LongAdder written = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder lostAttachments = new LongAdder();
    private final List<RequestAttachment> waiting = new ArrayList<>();
    private final List<RequestRecord> batch = new ArrayList<>();
    private final List<TestHit> testHits = new ArrayList<>();
    private volatile int inHand;
    private final RequestCounters requestCounters = new RequestCounters(this::inHand);
    private RequestRows requests;
    private EndpointRows endpoints;
    private Rollups rollups;
    private IdBlocks ids;
    private Retention retention;
    private TestEndpointRows testEndpoints;
    private long pause = MIN_PAUSE_MS;
    private long nextLevelRefresh;
    private long nextHeartbeat;
    private long lastHourlyFlush;
    private long lastSlowFlush;
    private volatile boolean running = true;
    private volatile boolean wanted;
    private ManagedThreads threads;
    private volatile Thread thread;

    /** For the container's proxy. */
    protected BatchWriter() {
    }

    /**
     * @param monitor the queues to drain
     * @param store   where to write
     * @param parts   the writer parts of every kind of attachment
     * @param threads the server's managed threads, which the writer runs on
     */
    @Inject
    public BatchWriter(Monitor monitor, Store store, @Any Instance<AttachmentWriter> parts, ManagedThreads threads) {
        this(monitor.unproxied(), store.unproxied(), parts.stream().toList(), threads);
    }

    /**
     * A writer outside a container (benchmarks, the data generator, tests), or inside one.
     *
     * @param monitor the queues to drain
     * @param store   where to write
     * @param parts   the writer parts of every kind of attachment
     * @param threads what starts the writer's thread: outside a container, an explicit factory
     */
    public BatchWriter(Monitor monitor, Store store, List<? extends AttachmentWriter> parts, ManagedThreads threads) {
        this.monitor = monitor;
        this.threads = threads;
        this.store = store;
        this.parts = List.copyOf(parts);
        this.requests = new RequestRows(store.schema(), store.config().instance());
        this.endpoints = new EndpointRows(store);
        this.rollups = new Rollups(store.schema(), RequestRows.cut(store.config().instance(), 100),
                store.config().topValues());
        this.retention = new Retention(store, monitor.problems(), this::down);
        this.testEndpoints = new TestEndpointRows(store.schema());
    }

    /** Asks the writer to open the tables now if it still waits for their first use (the dashboard is looked at). */
    public void wanted() {
        wanted = true;
    }

    /** @return this writer itself rather than the container's proxy */
    public BatchWriter unproxied() {
        return this;
    }

    /** Starts the writer thread, once; without a managed thread factory it does not start (logged and counted). */
    public synchronized void start() {
        if (thread == null && running) {
            thread = threads.start(this, "fmd-writer").orElse(null);
        }
    }

    /** Stops the writer after it has written what is queued (for a few seconds at most), and closes the store. */
    @PreDestroy
    public void stop() {
        running = false;
        ManagedThreads.awaitEnd(thread, SHUTDOWN_WAIT_MS + 2_000);
        store.close();
    }

    @Override
    public void run() {
        awaitFirstUse();
        long stopBy = Long.MAX_VALUE;
        while (running || System.nanoTime() < stopBy) {
            if (!running && stopBy == Long.MAX_VALUE) {
                stopBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MS);
            }
            if (!running && (health.state() != DatabaseHealth.State.UP || nothingLeft())) {
                break;
            }
            try {
                if (!round()) {
                    pause();
                }
            } catch (RuntimeException | LinkageError e) {
                monitor.problems().report("writing measurements", e);
                pause();
            }
        }
        if (health.state() == DatabaseHealth.State.UP) {
            flushRollups(true);
        }
    }

    /**
     * Migrates the tables, then waits until the store is first needed: the application got a request, something is
     * queued, a read opened it, the dashboard's status was asked for ({@link #wanted()}), the writer stops, or
     * {@link #OPEN_DELAY_SECONDS} have passed. When the migration fails, does not wait: the rounds try again, and report or log why.
     */
    private void awaitFirstUse() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(OPEN_DELAY_SECONDS);
        store.openOnFirstRead(true);
        try {
            store.migrate();
            while (running && !wanted && !store.isOpen() && !monitor.served() && monitor.queue().size() == 0
                    && monitor.attachments().size() == 0 && System.nanoTime() - until < 0) {
                LockSupport.parkNanos(FIRST_USE_POLL_NANOS);
            }
        } catch (SQLException | RuntimeException e) {
            // the rounds try again, and report or log why
        } finally {
            store.openOnFirstRead(false);
        }
    }

    /** @return false when the database did not answer, so that the caller pauses */
    private boolean round() {
        if (ids == null && !open()) {
            return false;
        }
        if (health.state() == DatabaseHealth.State.UP) {
            maintain();
        }
        if (batch.isEmpty()) {
            fill();
        }
        boolean busy = !batch.isEmpty();
        if (busy && !writeBatch()) {
            return false;
        }
        int attachments = writeAttachments();
        if (attachments < 0 || !writeTestHits()) {
            return false;
        }
        if (!flushRollups(!running)) {
            return false;
        }
        pause = MIN_PAUSE_MS;
        if (!busy && attachments == 0 && running) {
            sleep(monitor.config().flushIntervalMs());
        }
        return true;
    }

    private boolean open() {
        try {
            store.open();
            ids = new IdBlocks(store.schema(), store.dataSource());
            health.up(written.sum(), dropped());
            return true;
        } catch (SQLException | RuntimeException e) {
            Failure failure = Failure.of(e, store.dataSource());
            if (failure.kind() == Failure.Kind.TRANSIENT) {
                down(failure);
            } else {
                monitor.problems().report("migrating fmd's tables", e);
            }
            return false;
        }
    }

    /** Endpoints, levels and this instance's heartbeat, while the database answers. */
    private void maintain() {
        try {
            saveNewEndpoints();
            long now = System.nanoTime();
            if (now - nextLevelRefresh >= 0) {
                nextLevelRefresh = now + TimeUnit.MILLISECONDS.toNanos(monitor.config().levelRefreshMs());
                Map<Long, Integer> levels = endpoints.levels();
                for (Endpoint endpoint : monitor.endpoints().all()) {
                    Integer level = levels.get(endpoint.id());
                    if (level != null) {
                        endpoint.level(level);
                    }
                }
            }
            if (now - nextHeartbeat >= 0) {
                nextHeartbeat = now + HEARTBEAT_NANOS;
                endpoints.heartbeat();
                rollups.forgetBefore(LocalDateTime.now(ZoneOffset.UTC));
            }
            retention.round();
        } catch (RuntimeException e) {
            failed("reading levels and writing endpoints", e);
        }
    }

    private void saveNewEndpoints() {
        List<Endpoint> unsaved = monitor.endpoints().takeUnsaved();
        if (unsaved.isEmpty()) {
            return;
        }
        try {
            endpoints.save(unsaved);
        } catch (RuntimeException e) {
            monitor.endpoints().returnUnsaved(unsaved);
            throw e;
        }
    }

    /**
     * Takes what is queued and, while the batch is not full, keeps taking until {@code fmd.flush-interval} has passed
     * since the first record: under load a transaction then carries a full batch rather than the few records that
     * arrived during the previous write. A record still waits at most the flush interval. What is taken is counted
     * for {@code /fmd/metrics} here, on this thread, so that counting costs the request threads nothing.
     */
    private void fill() {
        int size = monitor.config().batchSize();
        monitor.queue().drainTo(batch, size);
        if (!batch.isEmpty()) {
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
        requestCounters.taken(batch);
        inHand = batch.size();
    }

    /** @return false when the database did not answer; the batch (or what is left of it) stays in hand */
    private boolean writeBatch() {
        List<RequestRecord> sorted = RequestRows.inStartOrder(batch);
        try {
            if (sorted.stream().anyMatch(r -> r.endpoint().id() == 0)) {
                saveNewEndpoints();
            }
            writeRequests(sorted);
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, store.dataSource());
            if (failure.kind() == Failure.Kind.TRANSIENT) {
                down(failure);
                return false;
            }
            List<RequestRecord> left = new ArrayList<>();
            isolate(sorted, left);
            if (!left.isEmpty()) {
                batch.clear();
                batch.addAll(left);
                inHand = left.size();
                return false;
            }
        }
        batch.clear();
        inHand = 0;
        health.up(written.sum(), dropped());
        return true;
    }

    /**
     * Writes the records in ever smaller parts until the ones the database refuses are alone, and drops those.
     *
     * @param records records of a batch the database refused
     * @param left    receives what could not be tried because the database stopped answering meanwhile
     */
    private void isolate(List<RequestRecord> records, List<RequestRecord> left) {
        if (!left.isEmpty()) {
            left.addAll(records);
            return;
        }
        if (records.size() == 1) {
            rejected.increment();
            RequestRecord refused = records.get(0);
            if (refused.handle() != null) {
                refused.handle().dropped();
            }
            monitor.problems().report("writing a measurement the database refused (dropped, counted as rejected)",
                    new IllegalStateException(refused.endpoint() + " at " + refused.epochMillis()));
            return;
        }
        int half = records.size() / 2;
        for (List<RequestRecord> part : List.of(records.subList(0, half), records.subList(half, records.size()))) {
            if (!left.isEmpty()) {
                left.addAll(part);
                continue;
            }
            try {
                writeRequests(part);
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e, store.dataSource());
                if (failure.kind() == Failure.Kind.TRANSIENT) {
                    down(failure);
                    left.addAll(part);
                } else {
                    isolate(part, left);
                }
            }
        }
    }

    private void writeRequests(List<RequestRecord> records) {
        long[] rowIds = inTransaction(tx -> requests.insert(tx, records));
        try {
            requests.stored(records, rollups);
        } catch (RuntimeException e) {
            // the rows are committed: a failure here must not send them to isolate(), which would write them again
            monitor.problems().report("adding stored requests to the rollups", e);
        }
        int measured = 0;
        for (int i = 0; i < rowIds.length; i++) {
            RequestRecord record = records.get(i);
            if (rowIds[i] != 0) {
                measured++;
                if (record.handle() != null) {
                    record.handle().id(rowIds[i]);
                }
            }
        }
        written.add(measured);
    }

    /**
     * Writes the attachments whose requests are written; keeps the others for a later round.
     *
     * @return how many were written, or -1 when the database did not answer
     */
    private int writeAttachments() {
        int capacity = Math.max(64, monitor.config().queueCapacity() / 10);
        monitor.attachments().drainTo(waiting, Math.max(0, capacity - waiting.size()));
        if (waiting.isEmpty()) {
            return 0;
        }
        Map<AttachmentWriter, List<RequestAttachment>> ready = new LinkedHashMap<>();
        int count = 0;
        for (Iterator<RequestAttachment> it = waiting.iterator(); it.hasNext(); ) {
            RequestAttachment attachment = it.next();
            if (attachment.request().id() != 0) {
                AttachmentWriter part = partFor(attachment);
                it.remove();
                if (part != null) {
                    ready.computeIfAbsent(part, p -> new ArrayList<>()).add(attachment);
                    count++;
                }
            } else if (attachment.request().isDropped()
                    || attachment.request().ageNanos() > ATTACHMENT_PATIENCE_NANOS) {
                it.remove();
                lostAttachments.increment();
            }
        }
        if (ready.isEmpty()) {
            return 0;
        }
        try {
            inTransaction(tx -> {
                for (Map.Entry<AttachmentWriter, List<RequestAttachment>> entry : ready.entrySet()) {
                    entry.getKey().write(tx, entry.getValue());
                }
                return null;
            });
            return count;
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, store.dataSource());
            if (failure.kind() == Failure.Kind.TRANSIENT) {
                ready.values().forEach(waiting::addAll);
                down(failure);
                return -1;
            }
            for (Map.Entry<AttachmentWriter, List<RequestAttachment>> entry : ready.entrySet()) {
                for (RequestAttachment attachment : entry.getValue()) {
                    try {
                        inTransaction(tx -> {
                            entry.getKey().write(tx, List.of(attachment));
                            return null;
                        });
                    } catch (RuntimeException refused) {
                        lostAttachments.increment();
                        monitor.problems().report("writing a profile or outlier the database refused", refused);
                    }
                }
            }
            return count;
        }
    }

    /**
     * Adds up the requests tests made into {@code test_endpoint} ({@link TestEndpointRows}), in a transaction of their
     * own: rare (CI runs), and never holding up the requests' batches.
     *
     * @return false when the database did not answer; the sums stay in hand
     */
    private boolean writeTestHits() {
        monitor.testHits().drainTo(testHits, TestEndpointRows.MAX_KEYS);
        if (testHits.isEmpty() && !testEndpoints.waiting()) {
            return true;
        }
        try {
            if (testHits.stream().anyMatch(hit -> hit.endpoint().id() == 0)) {
                saveNewEndpoints();
            }
            testEndpoints.add(testHits);
            testHits.clear();
            inTransaction(tx -> {
                testEndpoints.write(tx);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, store.dataSource());
            if (failure.kind() == Failure.Kind.TRANSIENT) {
                down(failure);
                return false;
            }
            testEndpoints.forget();
            monitor.problems().report("adding up the requests of tests (their sums are lost)", e);
            return true;
        }
    }

    private AttachmentWriter partFor(RequestAttachment attachment) {
        for (AttachmentWriter part : parts) {
            if (part.accepts(attachment)) {
                return part;
            }
        }
        monitor.problems().report("storing " + attachment.getClass().getSimpleName(),
                new IllegalStateException("no writer part stores it"));
        return null;
    }

    /**
     * Writes the rollups that are due: the hourly ones as often as batches, the others every few seconds.
     *
     * @param all write every rollup now
     * @return false when the database did not answer
     */
    private boolean flushRollups(boolean all) {
        long now = System.nanoTime();
        boolean hourly = all || now - lastHourlyFlush >= TimeUnit.MILLISECONDS.toNanos(
                monitor.config().flushIntervalMs());
        boolean slow = all || now - lastSlowFlush >= SLOW_ROLLUPS_NANOS;
        if (rollups.isEmpty() || !(hourly || slow)) {
            return true;
        }
        Map<Rollups.Key, Rollups.Delta> taken = slow ? rollups.take() : rollups.take(HOURLY);
        if (taken.isEmpty()) {
            return true;
        }
        try {
            inTransaction(tx -> rollups.write(tx.connection(), tx.ids(), taken)).commit();
            lastHourlyFlush = now;
            if (slow) {
                lastSlowFlush = now;
            }
            return true;
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, store.dataSource());
            if (failure.kind() == Failure.Kind.TRANSIENT) {
                rollups.restore(taken);
                down(failure);
                return false;
            }
            monitor.problems().report("writing rollups (the sums of " + taken.size() + " rows are lost)", e);
            return true;
        }
    }

    /** Runs work in one transaction of the store, with the JDBC view of it; SQL failures are rethrown unchecked. */
    private <T> T inTransaction(SqlWork<T> work) {
        List<Runnable> committed = new ArrayList<>();
        T result = store.inTransaction(em -> {
            Connection connection = em.unwrap(Connection.class);
            try {
                return work.apply(new Transaction(em, connection, store.schema(), ids, committed));
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        });
        committed.forEach(Runnable::run);
        return result;
    }

    private void down(Failure failure) {
        health.down(failure, written.sum(), dropped(), monitor.queue().size() + inHand,
                monitor.config().queueCapacity());
        Failure.answers(store.dataSource());
    }

    private void failed(String what, RuntimeException e) {
        Failure failure = Failure.of(e, store.dataSource());
        if (failure.kind() == Failure.Kind.TRANSIENT) {
            down(failure);
        } else {
            monitor.problems().report(what, e);
        }
    }

    private boolean nothingLeft() {
        return batch.isEmpty() && monitor.queue().size() == 0 && monitor.attachments().size() == 0
                && waiting.stream().noneMatch(a -> a.request().id() != 0);
    }

    private void pause() {
        sleep(pause);
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }

    private void sleep(long ms) {
        if (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }
    }

    private long dropped() {
        return monitor.queue().dropped();
    }

    /** @return requests of tests whose sums were dropped since start (too many waited, or the database refused) */
    public long lostTestHits() {
        return testEndpoints.dropped();
    }

    /** @return requests written since start */
    public long written() {
        return written.sum();
    }

    /** @return requests the database refused as data (each alone), dropped */
    public long rejected() {
        return rejected.sum();
    }

    /** @return call trees and outlier contexts lost: their request was never written, or the database refused them */
    public long lostAttachments() {
        return lostAttachments.sum();
    }

    /** @return requests taken from the queue and not yet written (held while the database does not answer) */
    public int inHand() {
        return inHand;
    }

    /** @return the counts per endpoint of the requests this writer took from the queue, for {@code /fmd/metrics} */
    public RequestCounters requestCounters() {
        return requestCounters;
    }

    /** @return the database's state, as the writer last found it */
    DatabaseHealth health() {
        return health;
    }

    /** Work in a transaction that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Transaction tx) throws SQLException;
    }

    /** An {@link SQLException} from a writer part, unchecked so that it can leave a JPA transaction. */
    static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
