package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.RecordQueue;
import dev.fmd.monitor.RequestRecord;
import dev.fmd.monitor.SyntheticApi;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The CPU that fmd's writer thread spends per stored request row on the database a server gives fmd by default:
 * Payara Micro's embedded H2 ({@code jdbc:h2:<dir>/embedded_default;AUTO_SERVER=TRUE}, H2 2.2.224, in the writer's
 * own JVM and on its thread). Level-1 traffic only (the {@link SyntheticTraffic} of the data generator, every endpoint
 * at level 1: 100 endpoints, 1,000 users, 2,000 IPs, five versions), offered at {@code bench.rate} requests per
 * second (default 8,000, about what a 0.1 ms endpoint serves on two cores; 0 means as fast as the writer takes
 * them), first {@code bench.warmup} unmeasured ones (default 300,000: the writer's first retention pass, 30 s after its start, falls in the warm-up), then the measured count (default 200,000).
 * With {@code -Dbench.single=true} the traffic is that of {@code scripts/benchmark-throughput.sh} instead: one
 * endpoint, about 0.1 ms, one IP, no group-by value, status 200.
 * <p>
 * Prints the writer thread's CPU per stored row ({@link ThreadMXBean#getThreadCpuTime}), that of every other
 * thread but the producer's (H2's background writer among them), and checks that every row and every rollup is
 * there. {@code -Dbench.url} picks another database ({@link BenchDatabase}); the H2 files are deleted afterwards.
 * <pre>
 * scripts/benchmark-writer.sh [requests]
 * FMD_CDI_JAR=/tmp/fmd-cdi-before.jar scripts/benchmark-writer.sh    # another writer, the same harness
 * </pre>
 */
public final class WriterCpuBenchmark {

    private WriterCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 200_000L;
        long warmup = Long.getLong("bench.warmup", 300_000L);
        long rate = Long.getLong("bench.rate", 8_000L);
        Path dir = Files.createTempDirectory("fmd-writer-bench");
        String url = System.getProperty("bench.url",
                "jdbc:h2:" + dir.toAbsolutePath() + "/embedded_default;AUTO_SERVER=TRUE");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FmdConfig config = DataGenerator.config(Map.of());
        String prefix = config.tablePrefix();
        try (BenchDatabase db = new BenchDatabase(url)) {
            db.drop(prefix);
            Monitor monitor = new Monitor(config);
            monitor.endpoints().registerRoots(SyntheticApi.RESOURCES);
            List<Endpoint> endpoints = List.copyOf(monitor.endpoints().all());
            long now = System.currentTimeMillis();
            SyntheticTraffic traffic = new SyntheticTraffic(endpoints, now - TimeUnit.DAYS.toMillis(90), now,
                    config.profilerRate(), 42L);
            endpoints.forEach(e -> e.level(1));
            Endpoint single = Boolean.getBoolean("bench.single") ? endpoints.get(0) : null;
            Store store = new Store(config, db.dataSource());
            BatchWriter writer = new BatchWriter(monitor, store, List.of(new ProfileRows(), new OutlierRows()),
                    new ManagedThreads(Thread::new, monitor.problems()));
            writer.start();
            System.out.printf("Writer CPU (load average %s): %,d warm-up then %,d measured level-1 requests at %s/s "
                            + "(%s; batch size %d, flush %d ms), %s%n", IngestBenchmark.loadAverage(), warmup, count,
                    rate == 0 ? "max" : String.format("%,d", rate),
                    single == null ? "100 endpoints, 1,000 users, 2,000 IPs" : "one endpoint, one IP, no user",
                    config.batchSize(), config.flushIntervalMs(), url);
            long offered = push(monitor, traffic, single, warmup, rate);
            awaitWritten(writer, monitor, offered);
            long cpu0 = writerCpu(threads);
            long others0 = otherCpu(threads);
            long written0 = writer.written();
            long start = System.nanoTime();
            offered += push(monitor, traffic, single, count, rate);
            awaitWritten(writer, monitor, offered);
            long elapsed = System.nanoTime() - start;
            long rows = writer.written() - written0;
            long cpu = writerCpu(threads) - cpu0;
            long others = otherCpu(threads) - others0;
            writer.stop();
            System.out.printf("writer thread CPU %.2f µs per row (%,d rows in %.1f s, %.0f%% of a core); other "
                            + "threads but the producer %.2f µs per row; load average %s at the end%n",
                    cpu / 1e3 / rows, rows, elapsed / 1e9, 100.0 * cpu / elapsed, others / 1e3 / rows,
                    IngestBenchmark.loadAverage());
            DataGenerator.Counts counts = DataGenerator.Counts.of(db, prefix);
            boolean complete = counts.requests() == offered && counts.hourlyHits() == offered
                    && counts.dailyHits() == offered && counts.statusHits() == offered && counts.userHits() == offered
                    && counts.ipHits() == offered && counts.appHourHits() == offered;
            System.out.printf("offered %,d, dropped %d, rejected %d; stored %,d rows; rollups hour/day/status/user/ip/"
                            + "app-hour %,d/%,d/%,d/%,d/%,d/%,d: %s%n", offered, monitor.queue().dropped(),
                    writer.rejected(), counts.requests(), counts.hourlyHits(), counts.dailyHits(), counts.statusHits(),
                    counts.userHits(), counts.ipHits(), counts.appHourHits(), complete ? "complete" : "INCOMPLETE");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(WriterCpuBenchmark::delete);
            }
        }
    }

    /** Offers {@code count} requests stamped with the current time, at most {@code rate} per second. */
    private static long push(Monitor monitor, SyntheticTraffic traffic, Endpoint single, long count, long rate) {
        long start = System.nanoTime();
        RecordQueue<RequestRecord> queue = monitor.queue();
        int limit = queue.capacity() * 8 / 10;
        for (long i = 0; i < count; i++) {
            while (queue.size() > limit) {
                LockSupport.parkNanos(100_000);
            }
            if (rate > 0) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 200_000) {
                    LockSupport.parkNanos(wait);
                }
            }
            long time = System.currentTimeMillis();
            queue.offer(single == null ? traffic.next(time, a -> {
                throw new IllegalStateException("a level-1 request has no attachment");
            }) : new RequestRecord(single, true, time, 95_000 + (i % 11) * 1_000, "1.0", null, "127.0.0.1", 200,
                    null, null));
        }
        return count;
    }

    private static void awaitWritten(BatchWriter writer, Monitor monitor, long offered) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline && (writer.written() + writer.rejected() < offered
                || monitor.queue().size() > 0 || writer.inHand() > 0)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static long writerCpu(ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("fmd-writer"))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    /** @return the CPU of every live thread but this one and the writer (H2's, the pool's, the JIT's are not Java threads) */
    private static long otherCpu(ThreadMXBean threads) {
        long self = Thread.currentThread().getId();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getId() != self && !t.getName().equals("fmd-writer"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            // a temporary file; the directory is in the system's temporary directory
        }
    }
}
