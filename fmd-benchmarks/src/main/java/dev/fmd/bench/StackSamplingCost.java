package dev.fmd.bench;

import jdk.jfr.consumer.RecordingStream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures, on this machine, the two ways a profiler can sample request threads, to back the choice recorded in
 * {@code docs/profiler.md}:
 * <ol>
 * <li>{@link Thread#getStackTrace()} of a busy thread while {@code busy} other threads compute (it must bring the
 * target to a safepoint): mean and worst time per call;</li>
 * <li>JFR event streaming ({@code jdk.ExecutionSample} every 5 ms): samples per second of a busy thread, of a parked
 * thread, and the {@code jdk.ThreadPark} events that cover the parked one.</li>
 * </ol>
 * <pre>
 * java -cp fmd-benchmarks/target/classes dev.fmd.bench.StackSamplingCost 4
 * </pre>
 */
public final class StackSamplingCost {

    private static volatile boolean running = true;
    private static volatile long sink;

    private StackSamplingCost() {
    }

    public static void main(String[] args) throws Exception {
        int busy = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < busy; i++) {
            threads.add(start("busy-" + i, StackSamplingCost::compute));
        }
        Thread target = start("target", StackSamplingCost::compute);
        Thread parked = start("parked", () -> {
            while (running) {
                LockSupport.parkNanos(200_000_000L);
            }
        });
        Thread.sleep(1000);

        int calls = 100;
        long worst = 0;
        long total = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            target.getStackTrace();
            long took = System.nanoTime() - start;
            total += took;
            worst = Math.max(worst, took);
        }
        System.out.printf("Thread.getStackTrace() of a busy thread, %d other busy threads, %d cores: "
                        + "mean %.2f ms, worst %.2f ms per call%n", busy, Runtime.getRuntime().availableProcessors(),
                total / 1e6 / calls, worst / 1e6);

        AtomicLong targetSamples = new AtomicLong();
        AtomicLong parkedSamples = new AtomicLong();
        AtomicLong parkEvents = new AtomicLong();
        AtomicLong parkedMs = new AtomicLong();
        int seconds = 5;
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            stream.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(5)).withStackTrace();
            stream.onEvent("jdk.ExecutionSample", e -> {
                long id = e.getThread("sampledThread").getJavaThreadId();
                if (id == target.getId()) {
                    targetSamples.incrementAndGet();
                } else if (id == parked.getId()) {
                    parkedSamples.incrementAndGet();
                }
            });
            stream.onEvent("jdk.ThreadPark", e -> {
                if (e.getThread() != null && e.getThread().getJavaThreadId() == parked.getId()) {
                    parkEvents.incrementAndGet();
                    parkedMs.addAndGet(e.getDuration().toMillis());
                }
            });
            stream.startAsync();
            Thread.sleep(seconds * 1000L);
        }
        System.out.printf("JFR jdk.ExecutionSample every 5 ms over %d s: busy thread %.0f samples/s, parked thread "
                        + "%d samples; jdk.ThreadPark: %d events covering %d ms of the parked thread%n", seconds,
                targetSamples.get() / (double) seconds, parkedSamples.get(), parkEvents.get(), parkedMs.get());
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        target.join();
        parked.join();
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void compute() {
        long x = 0;
        while (running) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
            sink = x;
        }
    }
}
