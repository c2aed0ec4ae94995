package dev.fmd.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fmd.monitor.Problems;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JFR's execution sampling of a busy thread, switched by profiled windows opening and closing. */
class SamplingSwitchTest {

    private final AtomicInteger samplesOfBusyThread = new AtomicInteger();
    private volatile boolean busy = true;
    private Thread busyThread;
    private RecordingStream stream;
    private SamplingSwitch sampling;

    @BeforeEach
    void startRecordingAndBusyThread() {
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
        stream = new RecordingStream();
        stream.onEvent("jdk.ExecutionSample", e -> {
            if ("busy".equals(e.getThread("sampledThread").getJavaName())) {
                samplesOfBusyThread.incrementAndGet();
            }
        });
        stream.startAsync();
        sampling = new SamplingSwitch(stream, Duration.ofMillis(5), new Problems());
        sampling.start();
    }

    @AfterEach
    void stop() {
        busy = false;
        sampling.stop();
        stream.close();
    }

    @Test
    void samplesRunningThreadsOnlyWhileAProfiledRequestIsInFlight() throws InterruptedException {
        Thread.sleep(2500);
        assertEquals(0, samplesOfBusyThread.get(), "no sample before any window opened");

        sampling.opened();
        sampling.opened();
        sampling.closed();
        awaitSamples(20);

        sampling.closed();
        Thread.sleep(2500); // what was sampled before the switch is delivered by JFR's next flushes
        int afterClosing = samplesOfBusyThread.get();
        Thread.sleep(2500);
        assertEquals(afterClosing, samplesOfBusyThread.get(), "no sample once every window closed");

        sampling.opened();
        awaitSamples(afterClosing + 20);
        sampling.closed();
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
