package dev.fmd.profiler;

import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Problems;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordingStream;

/**
 * Keeps the profiler's JFR recording, execution sampling included, running exactly while it is wanted (while any
 * endpoint is at level 3), from a thread of its own: starting a recording takes hundreds of milliseconds the first
 * time, which no request may wait for, and a recording that samples all along gives a request its first sample
 * within one period of its start (switched on per request, JFR's first sample came a period after the switch, and
 * most requests of 10-20 ms got none).
 * <p>
 * The thread looks at {@code wanted} every {@value #CHECK_MS} ms, so it follows every way a level changes (the admin
 * API, the rules page, the refresh from the database, the default level at deployment) without being told:
 * <pre>
 * SamplingSwitch on = new SamplingSwitch(() -> anyAtLevel3(endpoints), this::openRecording, windows::clear, problems);
 * on.start();
 * if (on.running()) { ... profile the request ... }
 * </pre>
 * The thread first opens and closes one recording, so that JFR's one-time start work (loading and initialising JFR,
 * instrumenting the JDK's I/O classes, probably deoptimising compiled code) happens at deployment: without it, the
 * requests that ran while the first recording started took 105-194 ms instead of 17 ms (docs/profiler.md). When the
 * recording cannot be started (no JFR in this JVM), the problem is counted once and the switch gives up.
 */
final class SamplingSwitch implements Runnable {

    /** How often the thread looks whether the recording is wanted. */
    static final long CHECK_MS = 100;

    private final BooleanSupplier wanted;
    private final Supplier<RecordingStream> opener;
    private final Runnable afterClose;
    private final Problems problems;
    private volatile RecordingStream running;
    private volatile Thread thread;
    private volatile boolean stopped;

    /**
     * @param wanted     whether the recording should run now
     * @param opener     builds and starts the recording (on this switch's thread)
     * @param afterClose runs on this switch's thread after the recording was closed
     * @param problems   where failures are counted
     */
    SamplingSwitch(BooleanSupplier wanted, Supplier<RecordingStream> opener, Runnable afterClose, Problems problems) {
        this.wanted = wanted;
        this.opener = opener;
        this.afterClose = afterClose;
        this.problems = problems;
    }

    /** Starts the switch's thread. */
    void start() {
        thread = ManagedThreads.start(this, "fmd-profiler-switch");
    }

    /** @return whether the recording runs now */
    boolean running() {
        return running != null;
    }

    /** Stops the thread, which closes the recording; waits for that up to a second. */
    void stop() {
        stopped = true;
        Thread on = thread;
        if (on != null) {
            LockSupport.unpark(on);
            try {
                on.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        try {
            opener.get().close(); // JFR's one-time start work now, at deployment, rather than at a level change
        } catch (RuntimeException | LinkageError e) {
            problems.report("starting the profiler (JDK Flight Recorder)", e);
            return;
        }
        try {
            while (!stopped) {
                if (!follow()) {
                    return;
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(CHECK_MS));
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
                running = opener.get();
            } catch (RuntimeException | LinkageError e) {
                problems.report("starting the profiler (JDK Flight Recorder)", e);
                return false;
            }
        } else if (!want && running != null) {
            closeRecording();
        }
        return true;
    }

    private void closeRecording() {
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
