package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.RecordQueue;
import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestRecord;
import dev.fmd.monitor.SyntheticApi;
import dev.fmd.outlier.OutlierRecord;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Fills fmd's tables through the real schema and the real writer: {@link SyntheticTraffic}'s requests go into a
 * {@link Monitor}'s queue, with their call trees and outlier contexts into its attachment queue, and a
 * {@link BatchWriter} writes them as it would in a server. The generator waits while a queue is more than 80% full
 * ({@link RecordQueue#capacity()}), so nothing is dropped, and it stops the writer,
 * which flushes, once everything is written.
 * <p>
 * Two clocks: {@link #history} spreads the requests over the last {@code days} days in time order, hour by hour with
 * a daily and weekly cycle (the data set the page benchmark reads); {@link #live} stamps each with the current time
 * (the ingest benchmark: the profiler's budget then bounds trees per second as in a server).
 * <pre>
 * scripts/generate-data.sh 10000000        # 10 million requests into the tables gen_*
 * </pre>
 * Options are system properties: {@code bench.prefix} (default {@code gen_}; its tables are dropped first),
 * {@code bench.days} (90), {@code bench.seed} (42), {@code bench.url} ({@link BenchDatabase}), and any {@code fmd.*}
 * key of the writer ({@code fmd.batch-size}, {@code fmd.flush-interval}, ...).
 */
public final class DataGenerator implements AutoCloseable {

    private static final double HIGH_WATER = 0.8;
    private static final long HOUR = TimeUnit.HOURS.toMillis(1);

    private final Monitor monitor;
    private final Store store;
    private final BatchWriter writer;
    private final SyntheticTraffic traffic;
    private final SplittableRandom random;
    private final Consumer<RequestAttachment> attach = this::offer;
    private long offered;
    private long trees;
    private long outliers;
    private volatile long startNanos;

    /**
     * Starts a writer on the tables of {@code config}'s prefix.
     *
     * @param config     the writer's configuration
     * @param dataSource the database
     * @param fromMillis the start of the traffic's time span (versions are deployed across it)
     * @param toMillis   its end
     * @param seed       the seed
     */
    public DataGenerator(FmdConfig config, DataSource dataSource, long fromMillis, long toMillis, long seed) {
        monitor = new Monitor(config);
        monitor.endpoints().registerRoots(SyntheticApi.RESOURCES);
        List<Endpoint> endpoints = List.copyOf(monitor.endpoints().all());
        if (endpoints.size() != 100) {
            throw new IllegalStateException("expected 100 endpoints, registered " + endpoints.size());
        }
        traffic = new SyntheticTraffic(endpoints, fromMillis, toMillis, config.profilerRate(), seed);
        random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        store = new Store(config, dataSource);
        writer = new BatchWriter(monitor, store, List.of(new ProfileRows(), new OutlierRows()),
                new ManagedThreads(Thread::new, monitor.problems())); // outside a container: plain threads, explicitly
        writer.start();
    }

    /**
     * @param overrides keys of the configuration, e.g. {@code fmd.table-prefix}; {@code fmd.*} system properties win
     * @return the writer's configuration: fmd's defaults (a queue of 10,000 records, batches of 500), instance
     *         {@code app-1}, and a retention of 100 years, so that the writer's retention pass (30 s after its start)
     *         does not delete the history being generated (with the default 30 days it deleted the first 1.3 million
     *         requests of a 90-day data set)
     */
    public static FmdConfig config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put(FmdConfig.INSTANCE, "app-1");
        values.put(FmdConfig.RETENTION_DAYS, "36500");
        values.put(FmdConfig.ROLLUP_RETENTION_DAYS, "36500");
        values.putAll(overrides);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("fmd."))
                .forEach(k -> values.put(k, System.getProperty(k)));
        return FmdConfig.read(key -> Optional.ofNullable(values.get(key)), "app-1");
    }

    /**
     * Queues {@code count} requests spread over the span ending at the last whole hour, in time order.
     *
     * @param count how many
     * @param days  the span
     * @param end   its end (rounded down to the hour)
     */
    public void history(long count, int days, Instant end) {
        long last = end.toEpochMilli() - Math.floorMod(end.toEpochMilli(), HOUR);
        int hours = days * 24;
        long first = last - hours * HOUR;
        double[] weights = new double[hours];
        double total = 0;
        for (int h = 0; h < hours; h++) {
            weights[h] = SyntheticTraffic.hourWeight(first + h * HOUR, (double) h / hours);
            total += weights[h];
        }
        markStart();
        double cumulative = 0;
        long queued = 0;
        for (int h = 0; h < hours; h++) {
            cumulative += weights[h];
            long target = h == hours - 1 ? count : Math.round(count * cumulative / total);
            long[] times = new long[(int) (target - queued)];
            for (int i = 0; i < times.length; i++) {
                times[i] = first + h * HOUR + random.nextLong(HOUR);
            }
            Arrays.sort(times);
            for (long time : times) {
                offer(traffic.next(time, attach));
            }
            queued = target;
        }
    }

    /** Queues {@code count} requests stamped with the current time, as fast as the writer takes them. */
    public void live(long count) {
        markStart();
        for (long i = 0; i < count; i++) {
            offer(traffic.next(System.currentTimeMillis(), attach));
        }
    }

    private void markStart() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
    }

    private void offer(RequestRecord record) {
        awaitRoom(monitor.queue());
        monitor.queue().offer(record);
        offered++;
    }

    private void offer(RequestAttachment attachment) {
        awaitRoom(monitor.attachments());
        monitor.attachments().offer(attachment);
        if (attachment instanceof OutlierRecord) {
            outliers++;
        } else {
            trees++;
        }
    }

    /** Waits while the queue is more than 80% full. */
    private static void awaitRoom(RecordQueue<?> queue) {
        int limit = (int) (queue.capacity() * HIGH_WATER);
        while (queue.size() > limit) {
            LockSupport.parkNanos(100_000);
        }
    }

    /**
     * Waits until every queued request is written and the attachment queue is empty.
     *
     * @param timeoutMs how long at most
     */
    public void awaitWritten(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline && (writer.written() + writer.rejected() < offered
                || monitor.queue().size() > 0 || writer.inHand() > 0 || monitor.attachments().size() > 0)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Stops the writer, which writes what is left (attachments, rollups) first. */
    @Override
    public void close() {
        awaitWritten(TimeUnit.MINUTES.toMillis(5));
        writer.stop();
    }

    /** @return nanoseconds since the first request was queued */
    public long elapsedNanos() {
        return startNanos == 0 ? 0 : System.nanoTime() - startNanos;
    }

    /** @return requests queued */
    public long offered() {
        return offered;
    }

    /** @return call trees queued */
    public long trees() {
        return trees;
    }

    /** @return outlier contexts queued */
    public long outliers() {
        return outliers;
    }

    /** @return what the queues dropped (0 unless the generator failed to wait) */
    public long dropped() {
        return monitor.queue().dropped() + monitor.attachments().dropped();
    }

    /** @return the monitor (queues, problems) */
    public Monitor monitor() {
        return monitor;
    }

    /** @return the writer */
    public BatchWriter writer() {
        return writer;
    }

    /** @return the writer thread, once it runs */
    public Optional<Thread> writerThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("fmd-writer")).findFirst();
    }

    /** @return a wall-clock profile of the writer thread when {@code -Dbench.sample=true}, else null */
    StackSampler sampler() {
        if (!Boolean.getBoolean("bench.sample")) {
            return null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writerThread().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return writerThread().map(t -> new StackSampler(t, 7)).orElse(null);
    }

    /** @return heap bytes in use after the last garbage collection of each heap pool */
    public static long heapAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }

    /**
     * Prints progress every {@code seconds} seconds while the generator runs: written, rate, queue, heap after GC.
     *
     * @return the daemon thread doing it (interrupt it to stop)
     */
    public Thread reportEvery(int seconds) {
        Thread reporter = new Thread(() -> {
            long lastWritten = 0;
            long lastNanos = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(seconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                long written = writer.written();
                System.out.printf("  %,12d written  %,8.0f/s  queue %,7d  attachments %,6d  heap after GC %,5d MB%n",
                        written, (written - lastWritten) * 1e9 / (now - lastNanos), monitor.queue().size(),
                        monitor.attachments().size(), heapAfterGc() >> 20);
                lastWritten = written;
                lastNanos = now;
            }
        }, "progress");
        reporter.setDaemon(true);
        reporter.start();
        return reporter;
    }

    /**
     * What is in the tables of a prefix.
     *
     * @param appHourHits the hits of the app-wide hourly rollup, or -1 when the tables have none (written by a
     *                    version of fmd-cdi before it, {@code FMD_CDI_JAR})
     */
    public record Counts(long requests, long trees, long stackLines, long outliers, long hourlyHits, long dailyHits,
                         long statusHits, long userHits, long ipHits, long appHourHits, long endpoints) {

        /** @return the rows of the tables with this prefix */
        public static Counts of(BenchDatabase db, String prefix) throws SQLException {
            return new Counts(db.number("SELECT COUNT(*) FROM " + prefix + "request"),
                    db.number("SELECT COUNT(*) FROM " + prefix + "stack_line WHERE position = 0"),
                    db.number("SELECT COUNT(*) FROM " + prefix + "stack_line"),
                    db.number("SELECT COUNT(*) FROM " + prefix + "outlier"),
                    db.number("SELECT SUM(hits) FROM " + prefix + "rollup"),
                    db.number("SELECT SUM(hits) FROM " + prefix + "rollup_day"),
                    db.number("SELECT SUM(hits) FROM " + prefix + "rollup_status"),
                    db.number("SELECT SUM(hits) FROM " + prefix + "rollup_dimension WHERE dimension = 'u'"),
                    db.number("SELECT SUM(hits) FROM " + prefix + "rollup_dimension WHERE dimension = 'i'"),
                    appHourHits(db, prefix),
                    db.number("SELECT COUNT(*) FROM " + prefix + "endpoint"));
        }

        private static long appHourHits(BenchDatabase db, String prefix) {
            try {
                return db.number("SELECT COALESCE(SUM(hits), 0) FROM " + prefix + "rollup_app_hour");
            } catch (SQLException e) {
                return -1;
            }
        }
    }

    /**
     * Generates the data set: {@code DataGenerator [requests]} (default 10,000,000).
     *
     * @param args the number of requests
     */
    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 10_000_000L;
        String prefix = System.getProperty("bench.prefix", "gen_");
        int days = Integer.getInteger("bench.days", 90);
        long seed = Long.getLong("bench.seed", 42L);
        Instant end = Instant.now();
        try (BenchDatabase db = BenchDatabase.fromSystemProperties()) {
            db.drop(prefix);
            FmdConfig config = config(Map.of(FmdConfig.TABLE_PREFIX, prefix));
            System.out.printf("Generating %,d requests over %d days into %s* (batch size %d, queue %,d)%n", count,
                    days, prefix, config.batchSize(), config.queueCapacity());
            DataGenerator generator = new DataGenerator(config, db.dataSource(),
                    end.toEpochMilli() - TimeUnit.DAYS.toMillis(days), end.toEpochMilli(), seed);
            Thread reporter = generator.reportEvery(10);
            StackSampler sampler = generator.sampler();
            try {
                generator.history(count, days, end);
            } finally {
                generator.close();
                reporter.interrupt();
            }
            if (sampler != null) {
                sampler.close();
                System.out.println(sampler.top(30));
            }
            long elapsed = generator.elapsedNanos();
            Counts counts = Counts.of(db, prefix);
            for (String table : List.of("request", "stack_line", "outlier", "rollup", "rollup_day",
                    "rollup_dimension", "rollup_status", "code_line", "endpoint")) {
                db.execute("VACUUM ANALYZE " + prefix + table); // the steady state autovacuum keeps
            }
            System.out.printf("requests queued %,d, written %,d; trees queued %,d, written %,d (%,d lines); "
                            + "outliers queued %,d, written %,d%n", generator.offered(), counts.requests(),
                    generator.trees(), counts.trees(), counts.stackLines(), generator.outliers(), counts.outliers());
            System.out.printf("dropped %d, rejected %d, attachments lost %d%n", generator.dropped(),
                    generator.writer().rejected(), generator.writer().lostAttachments());
            System.out.printf("elapsed %.1f s, %,.0f requests/s%n", elapsed / 1e9, counts.requests() * 1e9 / elapsed);
        }
    }
}
