package dev.fmd.profiler;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Following;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.RateBudget;
import dev.fmd.monitor.InFlightRequest;
import dev.fmd.monitor.ManagedThreads;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * The profiler of level-3 requests, built on JDK Flight Recorder event streaming rather than on
 * {@link Thread#getStackTrace()}: JFR samples running threads without stopping them at a safepoint, and reports
 * sleeping, parked and waiting threads through events that carry their stack and duration. One recording serves the
 * whole application while any of its endpoints is at level 3: {@link SamplingSwitch} starts it off the request path
 * (at deployment, or within a tenth of a second of a level changing to 3, however the level changed) and closes it
 * when no endpoint is at level 3 any more, so that levels 0 to 2 cost nothing. Within it, the switch runs execution
 * sampling only while a level-3 endpoint's {@link RateBudget} has a token or a profiled request is in flight,
 * and is <em>armed</em> once sampling has really started. A level-3 request is profiled when the switch is armed, the
 * recording has delivered its first events (about a second after it started) and it gets a token; otherwise it runs
 * unprofiled: no request ever starts JFR, changes its settings or waits for it. See {@code docs/profiler.md} for the
 * measurements behind this choice.
 * <p>
 * Each profiled request opens a window on its thread; the samples and wait events of that thread inside the window
 * become its {@link CallTree}, built once JFR has delivered them (about a second after the request, as JFR flushes
 * every second) and queued for the store.
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
    private final Map<Endpoint, RateBudget> budgets = new ConcurrentHashMap<>();
    /** Profiled requests in flight: sampling stays on while there is one. */
    private final AtomicInteger profiling = new AtomicInteger();
    private RecordQueue<RequestAttachment> attachments;
    private Problems problems;
    /** The windows of profiled requests, by thread: a thread's entry goes once its windows are complete. */
    private final Map<Long, Deque<Window>> windows = new ConcurrentHashMap<>();
    private final LongAdder expired = new LongAdder();
    private long nextExpiry = System.nanoTime();
    private BooleanSupplier anyAtLevel3;
    private ManagedThreads threads;
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
     * @param threads the server's managed threads, which the {@link SamplingSwitch} runs on
     */
    @Inject
    public SamplingProfiler(FmdConfig config, Monitor monitor, ManagedThreads threads) {
        this(config.samplingPeriodMs(), config.profilerRate(), monitor.attachments(), monitor.problems(),
                () -> anyAtLevel3(monitor.endpoints().all()), threads);
    }

    /**
     * @param periodMs      {@code fmd.sampling-period} (0 means as often as JFR can: 1 ms)
     * @param ratePerSecond {@code fmd.profiler-rate}: trees per second and endpoint at most
     * @param attachments   where finished trees go
     * @param problems      where failures are counted
     * @param anyAtLevel3   whether any endpoint is at level 3 now (the recording runs while it is true)
     * @param threads       what starts the switch's thread: outside a container, an explicit factory
     */
    public SamplingProfiler(int periodMs, double ratePerSecond, RecordQueue<RequestAttachment> attachments,
                            Problems problems, BooleanSupplier anyAtLevel3, ManagedThreads threads) {
        this.periodMs = Math.max(1, periodMs);
        this.ratePerSecond = ratePerSecond;
        this.attachments = attachments;
        this.problems = problems;
        this.anyAtLevel3 = anyAtLevel3;
        this.threads = threads;
    }

    /**
     * Starts the thread that keeps the recording running while any endpoint is at level 3; called once at
     * deployment ({@link ProfilerInitializer}), never on a request thread.
     */
    public synchronized void start() {
        if (sampling == null && !closed) {
            sampling = new SamplingSwitch(anyAtLevel3, this::nanosUntilDemand, this::openRecording,
                    this::recordingClosed, Duration.ofMillis(periodMs), problems);
            sampling.start(threads);
        }
    }

    /**
     * @return whether the recording has delivered its first events and samples now, so that level-3 requests starting
     *         now may be profiled (the requests of the recording's first second, when JFR's start still competes with
     *         them for the CPU, are not)
     */
    boolean armed() {
        SamplingSwitch on = sampling;
        return delivering && on != null && on.armed();
    }

    /**
     * Runs on the switch's thread.
     *
     * @return 0 when a request could be profiled now (a level-3 endpoint's budget has a token) or one is in flight,
     *         otherwise how long until a token comes, {@link Long#MAX_VALUE} for never
     */
    long nanosUntilDemand() {
        long now = System.nanoTime();
        if (now - nextExpiry >= 0) {
            expire(now);
            nextExpiry = now + 1_000_000_000L;
        }
        if (profiling.get() > 0) {
            return 0;
        }
        long until = Long.MAX_VALUE;
        for (Map.Entry<Endpoint, RateBudget> budget : budgets.entrySet()) {
            if (budget.getKey().level() >= 3) {
                until = Math.min(until, budget.getValue().nanosUntilToken(now));
            }
        }
        return until;
    }

    /**
     * Runs on the switch's thread, once a second: ends the windows of requests followed for longer than
     * {@link #FOLLOWED_AT_MOST_NANOS} (their end was missed), so that they keep sampling on no longer; their trees are
     * not kept.
     */
    @Override
    public void expire(long nowNanos) {
        for (Deque<Window> ofThread : windows.values()) {
            synchronized (ofThread) {
                for (Window window : ofThread) {
                    if (window.end == null && window.request.olderThan(nowNanos, FOLLOWED_AT_MOST_NANOS)) {
                        window.end = Instant.now();
                        window.leftThread(profiling);
                        expired.increment();
                    }
                }
            }
        }
    }

    private void recordingClosed() {
        delivering = false;
        for (Deque<Window> ofThread : windows.values()) {
            synchronized (ofThread) {
                ofThread.forEach(window -> window.leftThread(profiling));
            }
        }
        windows.clear();
    }

    @Override
    public void started(InFlightRequest request) {
        if (request.endpoint().level() < 3 || closed) {
            return;
        }
        long now = System.nanoTime();
        RateBudget budget = budgets.computeIfAbsent(request.endpoint(), e -> new RateBudget(ratePerSecond,
                now)); // the switch looks at the budgets of the level-3 endpoints that had requests
        if (!armed()) {
            return;
        }
        profiling.incrementAndGet(); // before reading armed again, as the switch disarms before reading this count
        if (!armed() || !budget.tryTake(now)) {
            profiling.decrementAndGet();
            return;
        }
        Window window = new Window(request.endpoint(), request, Instant.now());
        request.note(Window.class, window);
        windows.compute(request.thread().getId(), (id, kept) -> {
            Deque<Window> ofThread = kept != null ? kept : new ArrayDeque<>();
            synchronized (ofThread) {
                Window previous = ofThread.peekLast();
                if (previous != null && previous.end == null) {
                    previous.end = window.start; // its end was missed (an asynchronous request ends on another thread)
                    previous.leftThread(profiling);
                }
                ofThread.addLast(window);
            }
            return ofThread;
        });
    }

    @Override
    public void finished(InFlightRequest request, HttpServletRequest http, int status, long durationNanos) {
        Window window = request.note(Window.class);
        if (window != null) {
            window.durationMs = durationNanos / 1_000_000.0;
            window.end = Instant.now();
            window.leftThread(profiling);
        }
    }

    /** Ends the window of a request whose end was not recorded; its tree is not kept (it has no duration). */
    @Override
    public void ended(InFlightRequest request) {
        Window window = request.note(Window.class);
        if (window != null) {
            if (window.end == null) {
                window.end = Instant.now();
            }
            window.leftThread(profiling);
        }
    }

    /** @return the profiled requests whose windows are held (in flight, or waiting for their samples) */
    @Override
    public Following following() {
        int held = 0;
        for (Deque<Window> ofThread : windows.values()) {
            synchronized (ofThread) {
                held += ofThread.size();
            }
        }
        SamplingSwitch on = sampling;
        return new Following("profiler", held, expired.sum(), 0, on != null && on.sampling());
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
     * Runs on the switch's thread: starts the recording with the wait and I/O events from one period up; the switch
     * enables execution sampling of every running thread at the period when a request could be profiled.
     */
    private RecordingStream openRecording() {
        RecordingStream recording = new RecordingStream();
        try {
            Duration period = Duration.ofMillis(periodMs);
            for (String wait : WAIT_EVENTS) {
                recording.enable(wait).withThreshold(period).withStackTrace();
            }
            recording.onEvent(SamplingSwitch.EXECUTION_SAMPLE, e -> sample(e, e.getThread("sampledThread"), periodMs));
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
        for (Long thread : windows.keySet()) {
            windows.computeIfPresent(thread, (id, ofThread) -> {
                synchronized (ofThread) {
                    for (Iterator<Window> w = ofThread.iterator(); w.hasNext(); ) {
                        Window window = w.next();
                        if (window.end != null && window.end.isBefore(cutoff)) {
                            w.remove();
                            complete.add(window);
                        }
                    }
                    return ofThread.isEmpty() ? null : ofThread;
                }
            });
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
        private final AtomicBoolean counted = new AtomicBoolean(true);

        Window(Endpoint endpoint, InFlightRequest request, Instant start) {
            this.endpoint = endpoint;
            this.request = request;
            this.start = start;
        }

        /** Counts this window out of the profiled requests in flight, once. */
        void leftThread(AtomicInteger inFlight) {
            if (counted.compareAndSet(true, false)) {
                inFlight.decrementAndGet();
            }
        }
    }
}
