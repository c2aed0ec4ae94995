package dev.fmd.profiler;

import dev.fmd.monitor.Problems;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordingStream;

/**
 * Keeps JFR's execution sampling on only while at least one profiled request is in flight, so that the profiler
 * takes stacks when a level-3 request runs and costs nothing in between (JFR otherwise samples every running thread
 * of the server every period, and its samples are parsed whether fmd needs them or not).
 * <p>
 * Request threads only count windows up and down ({@link #opened()}, {@link #closed()}) and wake this switch's thread
 * when the count leaves or reaches zero; the thread changes the recording's settings, which takes a fraction of a
 * millisecond, off the request thread. Sampling is switched off once no window has been open for one period, so that
 * back-to-back profiled requests keep it running. Sampling starts within a period of the first window opening: a
 * request shorter than a period may get no CPU sample, only its wait events and its endpoint line.
 */
final class SamplingSwitch implements Runnable {

    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private final RecordingStream stream;
    private final Duration period;
    private final Problems problems;
    private final AtomicInteger open = new AtomicInteger();
    private volatile Thread thread;
    private volatile boolean stopped;

    /**
     * @param stream   the running recording
     * @param period   the sampling period
     * @param problems where failures are counted
     */
    SamplingSwitch(RecordingStream stream, Duration period, Problems problems) {
        this.stream = stream;
        this.period = period;
        this.problems = problems;
    }

    /** Starts the switch's thread. */
    void start() {
        thread = dev.fmd.monitor.ManagedThreads.start(this, "fmd-profiler-switch");
    }

    /** A profiled request started: sampling is on from now until it and every other one ended. */
    void opened() {
        if (open.getAndIncrement() == 0 && thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** A profiled request ended. */
    void closed() {
        if (open.decrementAndGet() == 0 && thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Stops the thread; the recording is closed by its owner. */
    void stop() {
        stopped = true;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        boolean sampling = false;
        while (!stopped) {
            try {
                if (open.get() > 0) {
                    if (!sampling) {
                        stream.enable(EXECUTION_SAMPLE).withPeriod(period).withStackTrace();
                        sampling = true;
                    }
                    LockSupport.park(this);
                } else if (sampling) {
                    LockSupport.parkNanos(this, period.toNanos()); // one quiet period before switching off
                    if (open.get() == 0) {
                        stream.disable(EXECUTION_SAMPLE);
                        sampling = false;
                    }
                } else {
                    LockSupport.park(this);
                }
            } catch (RuntimeException e) {
                problems.report("switching the profiler's sampling", e);
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            }
        }
    }
}
