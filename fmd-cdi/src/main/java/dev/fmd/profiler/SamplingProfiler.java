package dev.fmd.profiler;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.InFlightRequest;
import dev.fmd.monitor.Problems;
import dev.fmd.monitor.RecordQueue;
import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestObserver;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The profiler of level-3 requests, built on JDK Flight Recorder event streaming rather than on
 * {@link Thread#getStackTrace()}: JFR samples running threads without stopping them at a safepoint, and reports
 * sleeping, parked and waiting threads through events that carry their stack and duration. One recording, execution
 * sampling included, serves the whole application while any of its endpoints is at level 3: {@link SamplingSwitch}
 * starts it off the request path (at deployment, or within a tenth of a second of a level changing to 3, however the
 * level changed) and closes it when no endpoint is at level 3 any more, so that levels 0 to 2 cost nothing. A level-3
 * request that comes before the recording delivers its first events (about a second after it started) is not
 * profiled: no request ever starts JFR or waits for it. See {@code docs/profiler.md} for the measurements behind this
 * choice.
 * <p>
 * Each level-3 request within its endpoint's {@link ProfilingBudget} opens a window on its thread; the samples and
 * wait events of that thread inside the window become its {@link CallTree}, built once JFR has delivered them (about
 * a second after the request, as JFR flushes every second) and queued for the store.
 */
@ApplicationScoped
public class SamplingProfiler implements RequestObserver, AutoCloseable {

    /** Samples kept per request at most (50 s at the default period), so that a stuck request cannot fill the heap. */
    static final int MAX_SAMPLES_PER_REQUEST = 10_000;

    /**
     * Events of a thread that waits rather than runs, each with its stack and duration: sleeping, parked, waiting on or
     * for a monitor, and blocked in socket or file I/O (a JDBC driver reading from its database). They replace
     * sampling threads in native code, which on an application server mostly samples idle selector and acceptor
     * threads with deep stacks, at a cost per period (docs/profiler.md).
     */
    private static final String[] WAIT_EVENTS = {"jdk.ThreadSleep", "jdk.ThreadPark", "jdk.JavaMonitorWait",
            "jdk.JavaMonitorEnter", "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite"};

    private int periodMs;
    private double ratePerSecond;
    private final Map<Endpoint, ProfilingBudget> budgets = new ConcurrentHashMap<>();
    private RecordQueue<RequestAttachment> attachments;
    private Problems problems;
    private final Map<Long, Deque<Window>> windows = new ConcurrentHashMap<>();
    private BooleanSupplier anyAtLevel3;
    private volatile SamplingSwitch sampling;
    private volatile boolean closed;
    private volatile boolean delivering;
    private Instant previousFlush = Instant.MIN;

    /** For the container's proxy. */
    protected SamplingProfiler() {
    }

    /**
     * @param config  {@code fmd.sampling-period} and {@code fmd.profiler-rate}
     * @param monitor the queue trees go to, and where failures are counted
     */
    @Inject
    public SamplingProfiler(FmdConfig config, Monitor monitor) {
        this(config.samplingPeriodMs(), config.profilerRate(), monitor.attachments(), monitor.problems(),
                () -> anyAtLevel3(monitor.endpoints().all()));
    }

    /**
     * @param periodMs      {@code fmd.sampling-period} (0 means as often as JFR can: 1 ms)
     * @param ratePerSecond {@code fmd.profiler-rate}: trees per second and endpoint at most
     * @param attachments   where finished trees go
     * @param problems      where failures are counted
     * @param anyAtLevel3   whether any endpoint is at level 3 now (the recording runs while it is true)
     */
    public SamplingProfiler(int periodMs, double ratePerSecond, RecordQueue<RequestAttachment> attachments,
                            Problems problems, BooleanSupplier anyAtLevel3) {
        this.periodMs = Math.max(1, periodMs);
        this.ratePerSecond = ratePerSecond;
        this.attachments = attachments;
        this.problems = problems;
        this.anyAtLevel3 = anyAtLevel3;
    }

    /**
     * Starts the thread that keeps the recording running while any endpoint is at level 3; called once at
     * deployment ({@link ProfilerInitializer}), never on a request thread.
     */
    public synchronized void start() {
        if (sampling == null && !closed) {
            sampling = new SamplingSwitch(anyAtLevel3, this::openRecording, this::recordingClosed, problems);
            sampling.start();
        }
    }

    /**
     * @return whether the recording runs and has delivered its first events, so that level-3 requests starting now
     *         are profiled (the requests of the recording's first second, when JFR's start still competes with them
     *         for the CPU, are not)
     */
    boolean recording() {
        SamplingSwitch on = sampling;
        return delivering && on != null && on.running();
    }

    private void recordingClosed() {
        delivering = false;
        windows.clear();
    }

    @Override
    public void started(InFlightRequest request) {
        if (request.endpoint().level() < 3 || closed || !recording()) {
            return;
        }
        long now = System.nanoTime();
        if (!budgets.computeIfAbsent(request.endpoint(), e -> new ProfilingBudget(ratePerSecond, now)).tryTake(now)) {
            return;
        }
        Window window = new Window(request.endpoint(), request, Instant.now());
        request.note(Window.class, window);
        Deque<Window> ofThread = windows.computeIfAbsent(request.thread().getId(), id -> new ArrayDeque<>());
        synchronized (ofThread) {
            Window previous = ofThread.peekLast();
            if (previous != null && previous.end == null) {
                previous.end = window.start;
            }
            ofThread.addLast(window);
        }
    }

    @Override
    public void finished(InFlightRequest request, HttpServletRequest http, int status, long durationNanos) {
        Window window = request.note(Window.class);
        if (window != null) {
            window.durationMs = durationNanos / 1_000_000.0;
            window.end = Instant.now();
        }
    }

    @Override
    @PreDestroy
    public void close() {
        closed = true;
        SamplingSwitch on = sampling;
        if (on != null) {
            on.stop();
        }
    }

    /** @return whether any of the endpoints is at level 3 */
    static boolean anyAtLevel3(Collection<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.level() >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs on the switch's thread: starts the recording, with execution sampling of every running thread at the
     * period, and the wait and I/O events from one period up.
     */
    private RecordingStream openRecording() {
        RecordingStream recording = new RecordingStream();
        try {
            Duration period = Duration.ofMillis(periodMs);
            recording.enable("jdk.ExecutionSample").withPeriod(period).withStackTrace();
            for (String wait : WAIT_EVENTS) {
                recording.enable(wait).withThreshold(period).withStackTrace();
            }
            recording.onEvent("jdk.ExecutionSample", e -> sample(e, e.getThread("sampledThread"), periodMs));
            for (String wait : WAIT_EVENTS) {
                recording.onEvent(wait, e -> sample(e, e.getThread(), e.getDuration().toNanos() / 1e6));
            }
            previousFlush = Instant.MIN;
            delivering = false;
            recording.onFlush(this::completeEndedWindows);
            recording.setReuse(true);
            recording.setOrdered(false);
            recording.startAsync();
            return recording;
        } catch (RuntimeException | LinkageError e) {
            recording.close();
            throw e;
        }
    }

    /** Runs on the stream's thread: adds a sample to the window of its thread that contains it. */
    private void sample(RecordedEvent event, RecordedThread thread, double weightMs) {
        if (thread == null) {
            return;
        }
        Deque<Window> ofThread = windows.get(thread.getJavaThreadId());
        if (ofThread == null) {
            return;
        }
        Instant time = event.getStartTime();
        synchronized (ofThread) {
            for (Window window : ofThread) {
                Instant end = window.end;
                if (!time.isBefore(window.start) && (end == null || !time.isAfter(end))) {
                    if (window.samples.size() < MAX_SAMPLES_PER_REQUEST) {
                        window.samples.add(new Sample(frames(event.getStackTrace()), weightMs));
                    }
                    return;
                }
            }
        }
    }

    /** Runs after each flush: windows that ended before the previous flush have all their samples. */
    private void completeEndedWindows() {
        delivering = true;
        Instant cutoff = previousFlush;
        previousFlush = Instant.now();
        List<Window> complete = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Deque<Window>>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Deque<Window> ofThread = it.next().getValue();
            synchronized (ofThread) {
                for (Iterator<Window> w = ofThread.iterator(); w.hasNext(); ) {
                    Window window = w.next();
                    if (window.end != null && window.end.isBefore(cutoff)) {
                        w.remove();
                        complete.add(window);
                    }
                }
            }
        }
        for (Window window : complete) {
            try {
                if (window.durationMs < 0) {
                    continue;
                }
                Endpoint endpoint = window.endpoint;
                List<StackLine> tree = CallTree.build(endpoint::isMethodFrame,
                        CodeLine.of(endpoint.className(), endpoint.methodName(), 0), window.samples,
                        window.durationMs);
                if (!attachments.offer(new ProfileRecord(window.request.handle(), tree))) {
                    problems.report("keeping a profile (queue full)", new IllegalStateException("dropped"));
                }
            } catch (RuntimeException e) {
                problems.report("building a call tree", e);
            }
        }
    }

    private static List<Sample.Frame> frames(RecordedStackTrace trace) {
        if (trace == null) {
            return List.of();
        }
        List<Sample.Frame> frames = new ArrayList<>(trace.getFrames().size());
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.isJavaFrame()) {
                frames.add(new Sample.Frame(frame.getMethod().getType().getName(), frame.getMethod().getName(),
                        frame.getLineNumber()));
            }
        }
        return frames;
    }

    /** The time one level-3 request held its thread, and the samples taken meanwhile. */
    private static final class Window {
        final Endpoint endpoint;
        final InFlightRequest request;
        final Instant start;
        final List<Sample> samples = new ArrayList<>();
        volatile Instant end;
        volatile double durationMs = -1;

        Window(Endpoint endpoint, InFlightRequest request, Instant start) {
            this.endpoint = endpoint;
            this.request = request;
            this.start = start;
        }
    }
}
