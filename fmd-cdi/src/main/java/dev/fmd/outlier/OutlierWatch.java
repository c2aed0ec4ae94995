package dev.fmd.outlier;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.InFlightRequest;
import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Problems;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that looks at the running requests of level 2 or more every 10 ms (every 50 ms while there is none) and,
 * for a request that has run past
 * its outlier threshold, takes its thread's stack once (cut below the endpoint method), while it is still stuck.
 * Taking another thread's stack pauses it at a safepoint; this happens once per outlier, never per request, and only
 * while its endpoint's outlier budget would keep it ({@code fmd.outlier-rate}).
 * A request watched for longer than {@link dev.fmd.monitor.RequestObserver#FOLLOWED_AT_MOST_NANOS} is dropped from
 * the watch once a second ({@link OutlierDetector#expire}), so that a request whose end fmd missed is not watched forever.
 */
final class OutlierWatch implements Runnable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long EXPIRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final OutlierDetector detector;
    private final Problems problems;
    private volatile boolean running = true;
    private long nextExpiry = System.nanoTime();
    private volatile Thread thread;

    OutlierWatch(OutlierDetector detector, Problems problems) {
        this.detector = detector;
        this.problems = problems;
    }

    @Override
    public void run() {
        while (running) {
            LockSupport.parkNanos(detector.running().isEmpty() ? IDLE_NANOS : PERIOD_NANOS);
            long now = System.nanoTime();
            if (now - nextExpiry >= 0) {
                detector.expire(now);
                nextExpiry = now + EXPIRY_NANOS;
            }
            for (InFlightRequest request : detector.running()) {
                try {
                    OutlierDetector.Watched watched = request.note(OutlierDetector.Watched.class);
                    // an asynchronous request's thread has gone back to the pool: its stack is not the request's
                    if (watched != null && watched.stack == null && !request.detached()
                            && now - request.startNanos() > watched.thresholdNanos && watched.keepable(now)) {
                        watched.stack = format(request.thread().getStackTrace(), request.endpoint());
                    }
                } catch (RuntimeException e) {
                    problems.report("taking an outlier's stack", e);
                }
            }
        }
    }

    /** Starts the watch's thread (named {@code fmd-outlier-watch}), unless there is no managed thread factory. */
    void start(ManagedThreads threads) {
        thread = threads.start(this, "fmd-outlier-watch").orElse(null);
    }

    /** Stops the thread and waits for it to end, a second at most. */
    void stop() {
        running = false;
        ManagedThreads.awaitEnd(thread, 1000);
    }

    /** The frames from the top of the stack down to the endpoint method; the container's frames below are cut. */
    static String format(StackTraceElement[] frames, Endpoint endpoint) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : frames) {
            text.append("at ").append(frame).append('\n');
            if (endpoint.isMethodFrame(frame.getClassName(), frame.getMethodName())) {
                break;
            }
        }
        return text.toString();
    }
}
