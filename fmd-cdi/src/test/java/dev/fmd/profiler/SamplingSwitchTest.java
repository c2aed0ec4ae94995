package dev.fmd.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real JFR recording, open exactly while it is wanted, sampling a busy thread exactly while a request could be
 * profiled, and armed only once its samples come.
 */
class SamplingSwitchTest {

    private final AtomicInteger samplesOfBusyThread = new AtomicInteger();
    private final Queue<Instant> sampleTimes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile boolean wanted;
    private volatile boolean demand;
    private volatile boolean busy = true;
    private Thread busyThread;
    private SamplingSwitch sampling;

    @BeforeEach
    void startBusyThreadAndSwitch() {
        busyThread = new Thread(() -> {
            long sum = 0;
            while (busy) {
                for (int i = 1; i < 100_000; i++) {
                    sum += sum % i;
                }
            }
            if (sum == 42) {
                System.out.println(sum);
            }
        }, "busy");
        busyThread.setDaemon(true);
        busyThread.start();
        BooleanSupplier whenWanted = () -> wanted;
        LongSupplier untilDemand = () -> demand ? 0 : Long.MAX_VALUE;
        Problems problems = new Problems();
        sampling = new SamplingSwitch(whenWanted, untilDemand, this::open, closed::incrementAndGet,
                Duration.ofMillis(5), problems);
        sampling.start(new ManagedThreads(Thread::new, problems)); // outside a container: an explicit factory
    }

    private RecordingStream open() {
        RecordingStream stream = new RecordingStream();
        stream.onEvent("jdk.ExecutionSample", e -> {
            if ("busy".equals(e.getThread("sampledThread").getJavaName())) {
                sampleTimes.add(e.getStartTime());
                samplesOfBusyThread.incrementAndGet();
            }
        });
        stream.startAsync();
        opened.incrementAndGet();
        return stream;
    }

    @AfterEach
    void stop() {
        busy = false;
        sampling.stop();
    }

    @Test
    void samplesOnlyWhileARequestCouldBeProfiledAndArmsOnceSamplesCome() throws InterruptedException {
        wanted = true;
        awaitRunning(true);
        Thread.sleep(1500);
        assertFalse(sampling.armed());
        assertEquals(0, samplesOfBusyThread.get(), "no sampling while no request could be profiled");

        Instant demanded = Instant.now();
        demand = true;
        while (!sampling.armed()) {
            Thread.sleep(0, 200_000);
        }
        Instant armedSeen = Instant.now();
        awaitSamples(20);
        Instant firstSample = sampleTimes.stream().filter(t -> !t.isBefore(demanded)).min(Instant::compareTo)
                .orElseThrow();
        assertFalse(firstSample.isAfter(armedSeen), "armed at " + armedSeen + " before the first sample "
                + firstSample + " (demand at " + demanded + ")");

        demand = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sampling.armed() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(sampling.armed(), "disarmed once no request could be profiled");
        Thread.sleep(1500); // JFR delivers what it sampled before switching off
        int afterSwitchingOff = samplesOfBusyThread.get();
        Thread.sleep(1500);
        assertEquals(afterSwitchingOff, samplesOfBusyThread.get(), "no sampling once no request could be profiled");
        assertTrue(sampling.running(), "the recording stays open while wanted");
        assertEquals(2, opened.get());
    }

    @Test
    void recordsWhileWantedAndClosesTheRecordingOtherwise() throws InterruptedException {
        demand = true;
        for (int i = 0; i < 200 && opened.get() == 0; i++) {
            Thread.sleep(50); // JFR's first start takes a while, longer on a busy machine
        }
        Thread.sleep(200);
        assertFalse(sampling.running());
        assertEquals(1, opened.get(), "one recording opened and closed at once, for JFR's one-time start work");
        assertEquals(0, closed.get());
        Thread.sleep(1500);
        assertEquals(0, samplesOfBusyThread.get(), "no recording before it is wanted");

        wanted = true;
        awaitSamples(20);
        assertTrue(sampling.running());
        assertEquals(2, opened.get());

        wanted = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sampling.running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(sampling.running(), "closed once no longer wanted");
        assertEquals(1, closed.get());
        int afterClosing = samplesOfBusyThread.get();
        Thread.sleep(1500);
        assertEquals(afterClosing, samplesOfBusyThread.get(), "no sample once the recording is closed");

        wanted = true;
        awaitSamples(afterClosing + 20);
        assertEquals(3, opened.get(), "a new recording when wanted again");
        sampling.stop();
        assertFalse(sampling.running(), "stop closes the recording");
        assertEquals(2, closed.get());
    }

    private void awaitRunning(boolean running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sampling.running() != running && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(running, sampling.running());
    }

    private void awaitSamples(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (samplesOfBusyThread.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(samplesOfBusyThread.get() >= atLeast, "samples of the busy thread: " + samplesOfBusyThread.get()
                + ", expected at least " + atLeast);
    }
}
