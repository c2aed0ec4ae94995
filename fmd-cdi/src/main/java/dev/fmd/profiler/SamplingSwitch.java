package dev.fmd.profiler;

import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Problems;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordingStream;

/**
 * Keeps the profiler's JFR recording (its wait events) open exactly while it is wanted (while any endpoint is at
 * level 3), and switches its execution sampling on only around the requests the profiling budget lets through, from
 * a thread of its own: no request starts JFR, changes its settings or waits for it.
 * <p>
 * Sampling is switched on as soon as a request could be profiled ({@code nanosUntilDemand} is 0: a level-3
 * endpoint's budget has a token, or a profiled request is in flight), and the switch is <em>armed</em>
 * {@value #ARMING_PERIODS} periods later, once JFR's sampler has taken the new setting up (its first sample comes
 * about one period after {@code enable}: 5.3-7.8 ms at 5 ms, 10.5-14.1 ms at 10 ms on this machine, docs/profiler.md).
 * Only requests that start while it is armed are profiled, so their samples start with them. When nothing could be
 * profiled for one period, the switch disarms first, then switches sampling off. Under load the budgets are empty
 * most of the time and sampling runs only around the profiled requests; at low traffic the budgets keep tokens and
 * sampling simply stays on.
 * <pre>
 * SamplingSwitch on = new SamplingSwitch(() -> anyAtLevel3(endpoints), this::nanosUntilDemand, this::openRecording,
 *         windows::clear, Duration.ofMillis(5), problems);
 * on.start(threads);
 * if (on.armed()) { ... take a token, profile the request ... }
 * </pre>
 * The thread first opens and closes one recording, so that JFR's one-time start work (loading and initialising JFR,
 * instrumenting the JDK's I/O classes, probably deoptimising compiled code) happens at deployment: without it, the
 * requests that ran while the first recording started took 105-194 ms instead of 17 ms (docs/profiler.md). When the
 * recording cannot be started (no JFR in this JVM), the problem is counted once and the switch gives up.
 */
final class SamplingSwitch implements Runnable {

    /** How often, at most, the thread looks whether the recording is wanted while it is closed. */
    static final long CHECK_MS = 100;

    /** Periods between switching sampling on and arming: JFR's first sample comes about one period after enabling. */
    static final int ARMING_PERIODS = 2;

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private final BooleanSupplier wanted;
    private final LongSupplier nanosUntilDemand;
    private final Supplier<RecordingStream> opener;
    private final Runnable afterClose;
    private final Duration period;
    private final Problems problems;
    private volatile RecordingStream running;
    private volatile boolean armed;
    private volatile boolean sampling;
    private long samplingSince;
    private long demandSeen;
    private volatile Thread thread;
    private volatile boolean stopped;

    /**
     * @param wanted           whether the recording should run now
     * @param nanosUntilDemand 0 when a request could be profiled now (or one is in flight), otherwise how long until
     *                         one could, {@link Long#MAX_VALUE} for never
     * @param opener           builds and starts the recording without execution sampling (on this switch's thread)
     * @param afterClose       runs on this switch's thread after the recording was closed
     * @param period           the execution sampling period
     * @param problems         where failures are counted
     */
    SamplingSwitch(BooleanSupplier wanted, LongSupplier nanosUntilDemand, Supplier<RecordingStream> opener,
                   Runnable afterClose, Duration period, Problems problems) {
        this.wanted = wanted;
        this.nanosUntilDemand = nanosUntilDemand;
        this.opener = opener;
        this.afterClose = afterClose;
        this.period = period;
        this.problems = problems;
    }

    /**
     * Starts the switch's thread (named {@code fmd-profiler-switch}); without a managed thread factory it does not
     * start, and no recording ever runs.
     */
    void start(ManagedThreads threads) {
        thread = threads.start(this, "fmd-profiler-switch").orElse(null);
    }

    /** @return whether the recording runs now */
    boolean running() {
        return running != null;
    }

    /** @return whether JFR execution sampling is switched on now */
    boolean sampling() {
        return sampling;
    }

    /** @return whether execution sampling runs now and has for {@value #ARMING_PERIODS} periods */
    boolean armed() {
        return armed;
    }

    /** Stops the thread, which closes the recording; waits for that up to a second. */
    void stop() {
        stopped = true;
        ManagedThreads.awaitEnd(thread, 1000);
    }

    @Override
    public void run() {
        try {
            open().close(); // JFR's one-time start work now, at deployment, rather than at a level change
        } catch (RuntimeException | LinkageError e) {
            problems.report("starting the profiler (JDK Flight Recorder)", e);
            return;
        }
        try {
            while (!stopped) {
                if (!follow()) {
                    return;
                }
                long parkNanos = running == null ? TimeUnit.MILLISECONDS.toNanos(CHECK_MS) : switchSampling();
                LockSupport.parkNanos(this, parkNanos);
            }
        } finally {
            closeRecording();
        }
    }

    /** @return false when the recording cannot be started, and the switch gives up */
    private boolean follow() {
        boolean want;
        try {
            want = wanted.getAsBoolean();
        } catch (RuntimeException e) {
            problems.report("reading the endpoints' levels", e);
            return true;
        }
        if (want && running == null) {
            try {
                running = open();
            } catch (RuntimeException | LinkageError e) {
                problems.report("starting the profiler (JDK Flight Recorder)", e);
                return false;
            }
        } else if (!want && running != null) {
            closeRecording();
        }
        return true;
    }

    /**
     * Switches sampling on, arms, disarms and switches sampling off as requests could be profiled.
     *
     * @return how long to park before looking again
     */
    private long switchSampling() {
        long checkNanos = TimeUnit.MILLISECONDS.toNanos(CHECK_MS);
        long until;
        try {
            until = nanosUntilDemand.getAsLong();
        } catch (RuntimeException e) {
            problems.report("reading the profiling budgets", e);
            return checkNanos;
        }
        long now = System.nanoTime();
        long periodNanos = period.toNanos();
        try {
            if (until == 0) {
                demandSeen = now;
                if (!sampling) {
                    running.enable(EXECUTION_SAMPLE).withPeriod(period).withStackTrace();
                    sampling = true;
                    samplingSince = System.nanoTime();
                } else if (!armed && now - samplingSince >= ARMING_PERIODS * periodNanos) {
                    armed = true;
                }
                return periodNanos;
            }
            if (sampling && now - demandSeen < periodNanos) {
                return periodNanos;
            }
            if (sampling) {
                armed = false; // first, so that no request starts being profiled once the demand was read again
                if (nanosUntilDemand.getAsLong() == 0) {
                    armed = now - samplingSince >= ARMING_PERIODS * periodNanos; // sampling never stopped
                    demandSeen = now;
                    return periodNanos;
                }
                running.disable(EXECUTION_SAMPLE);
                sampling = false;
            }
            return Math.max(periodNanos, Math.min(until, checkNanos));
        } catch (RuntimeException e) {
            problems.report("switching the profiler's sampling", e);
            return checkNanos;
        }
    }

    /**
     * Opens the recording with no context class loader on this thread: the first recording in the JVM starts JFR's
     * own threads (its periodic task, its shutdown hook), which inherit it and live as long as the JVM, so that they
     * would keep the application's class loader after undeploy.
     */
    private RecordingStream open() {
        Thread self = Thread.currentThread();
        ClassLoader loader = self.getContextClassLoader();
        self.setContextClassLoader(null);
        try {
            return opener.get();
        } finally {
            self.setContextClassLoader(loader);
        }
    }

    private void closeRecording() {
        armed = false;
        sampling = false;
        RecordingStream open = running;
        if (open == null) {
            return;
        }
        try {
            open.close();
            afterClose.run();
        } catch (RuntimeException e) {
            problems.report("stopping the profiler (JDK Flight Recorder)", e);
        } finally {
            running = null;
        }
    }
}
