package dev.fmd.outlier;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Following;
import dev.fmd.monitor.InFlightRequest;
import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.Problems;
import dev.fmd.monitor.RateBudget;
import dev.fmd.monitor.RecordQueue;
import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestObserver;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds outliers among requests of level 2 or more: a request is an outlier when it takes longer than
 * {@code fmd.outlier-detection-constant} times its endpoint's running average, except during the endpoint's first
 * {@code fmd.outlier-warmup} requests, so that a cold start is not all outliers. While such a request still runs
 * past its threshold, the {@link OutlierWatch} takes its stack; when it ends, its context is read and queued for the
 * store. At most {@code fmd.outlier-rate} outliers a second per endpoint are kept (in bursts of twice as many,
 * {@link RateBudget}): an endpoint whose requests often pass the threshold (a bimodal endpoint, a loaded machine)
 * costs neither a stack and a context per such request nor an outlier table that grows with its traffic; the ones
 * over the budget are counted ({@code fmd_outliers_over_budget_total}).
 */
@ApplicationScoped
public class OutlierDetector implements RequestObserver {

    private FmdConfig config;
    private RecordQueue<RequestAttachment> attachments;
    private Problems problems;
    private OutlierContext context;
    private ManagedThreads threads;
    private OutlierWatch watch;
    private final Map<Endpoint, RunningAverage> averages = new ConcurrentHashMap<>();
    private final Set<InFlightRequest> running = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.LongAdder expired = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder overBudget = new java.util.concurrent.atomic.LongAdder();

    /** For the container's proxy. */
    protected OutlierDetector() {
    }

    /**
     * @param config  thresholds, redaction and field cap
     * @param monitor the queue outliers go to, and where failures are counted
     * @param threads the server's managed threads, which the {@link OutlierWatch} runs on
     */
    @Inject
    public OutlierDetector(FmdConfig config, Monitor monitor, ManagedThreads threads) {
        this(config, monitor.attachments(), monitor.problems());
        this.threads = threads;
    }

    /** Starts the {@link OutlierWatch}, which takes the stacks of requests stuck past their threshold. */
    @PostConstruct
    void startWatch() {
        watch = new OutlierWatch(this, problems);
        watch.start(threads);
    }

    /** Stops the watch, and waits for its thread to end. */
    @PreDestroy
    void stopWatch() {
        if (watch != null) {
            watch.stop();
        }
    }

    /**
     * @param config      thresholds, redaction and field cap
     * @param attachments where outlier contexts go
     * @param problems    where failures are counted
     */
    public OutlierDetector(FmdConfig config, RecordQueue<RequestAttachment> attachments, Problems problems) {
        this.config = config;
        this.attachments = attachments;
        this.problems = problems;
        this.context = new OutlierContext(new Redactor(config.redact()), config.outlierMaxField());
    }

    @Override
    public void started(InFlightRequest request) {
        RunningAverage average = averageOf(request.endpoint());
        double averageNanos = average.average();
        long threshold = average.threshold(config.outlierWarmup(), config.outlierConstant());
        request.note(Watched.class, new Watched(threshold, averageNanos, average));
        if (threshold > 0) {
            running.add(request);
        }
    }

    @Override
    public void finished(InFlightRequest request, HttpServletRequest http, int status, long durationNanos) {
        Watched watched = request.note(Watched.class);
        RunningAverage average = watched != null ? watched.endpoint : averageOf(request.endpoint());
        average.add(durationNanos);
        if (watched != null && watched.thresholdNanos > 0 && durationNanos > watched.thresholdNanos) {
            if (!average.budget.tryTake(System.nanoTime())) {
                overBudget.increment();
                return;
            }
            String stack = watched.stack != null ? watched.stack : request.detached()
                    ? "(none: the request went on asynchronously, after its thread had left it)"
                    : "(the request ended before its stack could be taken)";
            if (!attachments.offer(context.capture(request.handle(), watched.averageNanos / 1e6, http, stack))) {
                problems.report("keeping an outlier (queue full)", new IllegalStateException("dropped"));
            }
        }
    }

    @Override
    public void ended(InFlightRequest request) {
        running.remove(request);
    }

    /**
     * Stops watching the requests followed for longer than {@link #FOLLOWED_AT_MOST_NANOS} (their end was missed, or
     * they stream for long): no stack is taken of them any more. Called by the {@link OutlierWatch}.
     */
    @Override
    public void expire(long nowNanos) {
        for (InFlightRequest request : running) {
            if (request.olderThan(nowNanos, FOLLOWED_AT_MOST_NANOS) && running.remove(request)) {
                expired.increment();
            }
        }
    }

    @Override
    public Following following() {
        return new Following("outliers", running.size(), expired.sum(), overBudget.sum(), false);
    }

    private RunningAverage averageOf(Endpoint endpoint) {
        return averages.computeIfAbsent(endpoint, e -> new RunningAverage(config.outlierRate()));
    }

    /** @return the requests running now that have a threshold, for the {@link OutlierWatch} */
    Set<InFlightRequest> running() {
        return running;
    }

    /**
     * An endpoint's request count and total duration, on this instance: lock-free, as every request of the endpoint
     * updates it from its own thread; and its budget of outliers kept.
     */
    static final class RunningAverage {
        private final java.util.concurrent.atomic.LongAdder count = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.atomic.LongAdder totalNanos = new java.util.concurrent.atomic.LongAdder();
        final RateBudget budget;

        RunningAverage(double outliersPerSecond) {
            budget = new RateBudget(outliersPerSecond, System.nanoTime());
        }

        void add(long durationNanos) {
            totalNanos.add(durationNanos);
            count.increment();
        }

        /** @return the mean duration so far, in ns, or NaN before the first request */
        double average() {
            long n = count.sum();
            return n == 0 ? Double.NaN : totalNanos.sum() / (double) n;
        }

        /** @return the duration beyond which a request is an outlier, or 0 during the warm-up */
        long threshold(int warmup, double constant) {
            return count.sum() < Math.max(1, warmup) ? 0 : (long) (average() * constant);
        }
    }

    /**
     * The threshold of one running request, the average it comes from, its endpoint's state, and its stack once it
     * passed the threshold.
     */
    static final class Watched {
        final long thresholdNanos;
        final double averageNanos;
        final RunningAverage endpoint;
        volatile String stack;

        Watched(long thresholdNanos, double averageNanos, RunningAverage endpoint) {
            this.thresholdNanos = thresholdNanos;
            this.averageNanos = averageNanos;
            this.endpoint = endpoint;
        }

        /** @return whether an outlier of its endpoint would be kept now (its stack is worth taking) */
        boolean keepable(long nowNanos) {
            return endpoint.budget.nanosUntilToken(nowNanos) == 0;
        }
    }
}
