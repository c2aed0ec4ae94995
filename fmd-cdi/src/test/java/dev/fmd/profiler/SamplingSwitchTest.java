package dev.fmd.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fmd.monitor.Problems;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real JFR recording sampling a busy thread, running exactly while it is wanted. */
class SamplingSwitchTest {

    private final AtomicInteger samplesOfBusyThread = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile boolean wanted;
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
        sampling = new SamplingSwitch(whenWanted, this::open, closed::incrementAndGet, new Problems());
        sampling.start();
    }

    private RecordingStream open() {
        RecordingStream stream = new RecordingStream();
        stream.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5)).withStackTrace();
        stream.onEvent("jdk.ExecutionSample", e -> {
            if ("busy".equals(e.getThread("sampledThread").getJavaName())) {
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
    void recordsWhileWantedAndClosesTheRecordingOtherwise() throws InterruptedException {
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

    private void awaitSamples(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (samplesOfBusyThread.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(samplesOfBusyThread.get() >= atLeast, "samples of the busy thread: " + samplesOfBusyThread.get()
                + ", expected at least " + atLeast);
    }
}
