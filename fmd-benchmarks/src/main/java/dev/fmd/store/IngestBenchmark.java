package dev.fmd.store;

import dev.fmd.config.FmdConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How fast the real writer stores requests into PostgreSQL: {@link DataGenerator#live} pushes requests stamped with
 * the current time (the data generator's traffic: 100 endpoints, 5 at level 3 whose trees the profiler's budget
 * bounds, outliers at 1% of level-2 and level-3 requests) as fast as the writer takes them, first {@code bench.warmup}
 * unmeasured ones (default 200,000), then the measured count (default 1,000,000). Prints the sustained rate, what
 * was dropped, the heap after GC every 5 s, and the CPU per stored request of the writer thread
 * ({@link ThreadMXBean#getThreadCpuTime}) and of PostgreSQL ({@link BenchDatabase#postgresCpuNanos}).
 * <pre>
 * scripts/benchmark-ingest.sh [requests]
 * </pre>
 * The tables are {@code bench.prefix} (default {@code ingest_}), dropped before and after. The writer runs with
 * fmd's defaults ({@code fmd.queue-capacity} 10,000, {@code fmd.batch-size} 500, ...) unless {@code -Dfmd.*} says
 * otherwise; {@code -Dbench.url} picks the JDBC URL ({@link BenchDatabase#DEFAULT_URL}).
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    /** @return the machine's 1-minute load average, which tells whether other work shared its cores */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 1_000_000L;
        long warmup = Long.getLong("bench.warmup", 200_000L);
        String prefix = System.getProperty("bench.prefix", "ingest_");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (BenchDatabase db = BenchDatabase.fromSystemProperties()) {
            db.drop(prefix);
            FmdConfig config = DataGenerator.config(Map.of(FmdConfig.TABLE_PREFIX, prefix));
            System.out.printf("Ingest (load average %s): %,d warm-up then %,d measured requests into %s* (batch size %d, flush %d ms, "
                            + "queue %,d), %s%n", loadAverage(), warmup, count, prefix, config.batchSize(),
                    config.flushIntervalMs(), config.queueCapacity(), System.getProperty("bench.url",
                            BenchDatabase.DEFAULT_URL));
            long now = System.currentTimeMillis();
            DataGenerator generator = new DataGenerator(config, db.dataSource(), now - TimeUnit.DAYS.toMillis(90),
                    now, Long.getLong("bench.seed", 42L));
            DataGenerator.Counts counts;
            try {
                generator.live(warmup);
                generator.awaitWritten(TimeUnit.MINUTES.toMillis(5));
                Thread writer = generator.writerThread().orElseThrow();
                StackSampler sampler = generator.sampler();
                long written0 = generator.writer().written();
                long writerCpu0 = threads.getThreadCpuTime(writer.getId());
                long[] pg0 = db.postgresCpuNanos();
                long start = System.nanoTime();
                Thread reporter = generator.reportEvery(5);
                generator.live(count);
                generator.awaitWritten(TimeUnit.MINUTES.toMillis(10));
                long elapsed = System.nanoTime() - start;
                reporter.interrupt();
                long rows = generator.writer().written() - written0;
                long writerCpu = threads.getThreadCpuTime(writer.getId()) - writerCpu0;
                long[] pg1 = db.postgresCpuNanos();
                if (sampler != null) {
                    sampler.close();
                    System.out.println(sampler.top(30));
                }
                System.out.printf("sustained %,.0f requests/s (%,d requests in %.1f s; load average %s at the end)%n",
                        rows * 1e9 / elapsed, rows, elapsed / 1e9, loadAverage());
                System.out.printf("writer thread CPU %.1f µs per request (%.0f%% of a core)%n", writerCpu / 1e3 / rows,
                        100.0 * writerCpu / elapsed);
                System.out.printf("PostgreSQL CPU %.1f µs per request (its backends for this benchmark and its own "
                                + "processes; %.1f µs counting every PostgreSQL process on the machine)%n",
                        (pg1[0] - pg0[0]) / 1e3 / rows, (pg1[1] - pg0[1]) / 1e3 / rows);
            } finally {
                generator.close();
                counts = DataGenerator.Counts.of(db, prefix);
                if (!Boolean.getBoolean("bench.keep")) {
                    db.drop(prefix);
                }
            }
            System.out.printf("dropped %d, rejected %d, attachments lost %d; stored %,d requests (rollups count %,d), "
                            + "%,d trees, %,d outliers; heap after GC at the end %,d MB%n", generator.dropped(),
                    generator.writer().rejected(), generator.writer().lostAttachments(), counts.requests(),
                    counts.hourlyHits(), counts.trees(), counts.outliers(), DataGenerator.heapAfterGc() >> 20);
        }
    }
}
