package dev.fmd.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced (open-loop) load client over many URLs, for the memory benchmark ({@code scripts/benchmark-memory.sh}).
 *
 * <p>Contract: request number {@code j} (from 0) is due at {@code start + j / rate} seconds and goes to URL
 * {@code j mod count} ({@code --order round-robin}, the default) or to a uniformly random URL ({@code --order
 * random}, fixed seed), where the URLs are {@code --url} with {@code {i}} replaced by 0 .. {@code count - 1}. Due
 * requests are sent by {@code --concurrency} threads sharing one keep-alive HTTP/1.1 client (see {@link Answers}):
 * a thread takes the next request number, waits until it is due and sends it; when every thread is busy, requests
 * go out late and the rate catches up as soon as a thread is free. No request is due, and none is sent, after
 * {@code --duration} seconds: on a server too slow for the rate, the requests still due then are dropped, so the run
 * takes the duration (plus the last answers) whatever the server manages. It prints the requests sent of those due,
 * the achieved rate (answers divided by the time from the start to the last answer), p50 and p99 latency, how many
 * requests left more than 10 ms after they were due, and the non-200 answers and failures. Exit status 0 when every answer was a
 * 200, 1 otherwise, 2 for wrong arguments. Only {@code http://127.0.0.1} URLs are accepted.
 *
 * <pre>
 * java -cp fmd-benchmarks/target/classes dev.fmd.bench.PacedLoad \
 *     --url 'http://127.0.0.1:8080/api/many/e{i}' --count 500 --rate 1000 --duration 60
 * </pre>
 * Defaults: count 1, rate 1000, duration 60, concurrency 8, order round-robin. The last output line is
 * machine-readable: {@code RESULT sent=... due=... rate=... p50_ms=... p99_ms=... late=... non200=... errors=...}.
 */
public final class PacedLoad {

    /** A request that leaves later than this after it was due counts as late. */
    static final long LATE_NANOS = 10_000_000L;

    private final HttpRequest[] requests;
    private final double rate;
    private final long total;
    private final int concurrency;
    private final boolean random;
    private final Answers answers = new Answers();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final long[] latencies;

    PacedLoad(List<URI> uris, double rate, int durationSeconds, int concurrency, boolean random) {
        this.requests = uris.stream().map(Answers::get).toArray(HttpRequest[]::new);
        this.rate = rate;
        this.total = (long) Math.ceil(rate * durationSeconds);
        this.concurrency = concurrency;
        this.random = random;
        this.latencies = new long[Math.toIntExact(total)];
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        int count = 1;
        int rate = 1000;
        int duration = 60;
        int concurrency = 8;
        boolean random = false;
        List<URI> uris = new ArrayList<>();
        try {
            for (Map.Entry<String, String> option : LoadGenerator.options(args).entrySet()) {
                String name = option.getKey();
                String value = option.getValue();
                switch (name) {
                    case "--url" -> url = value;
                    case "--count" -> count = LoadGenerator.positive(name, value, 1);
                    case "--rate" -> rate = LoadGenerator.positive(name, value, 1);
                    case "--duration" -> duration = LoadGenerator.positive(name, value, 1);
                    case "--concurrency" -> concurrency = LoadGenerator.positive(name, value, 1);
                    case "--order" -> random = switch (value) {
                        case "round-robin" -> false;
                        case "random" -> true;
                        default -> throw new IllegalArgumentException("--order is round-robin or random: " + value);
                    };
                    default -> throw new IllegalArgumentException("unknown argument " + name);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            if (count > 1 && !url.contains("{i}")) {
                throw new IllegalArgumentException("--count " + count + " needs {i} in --url");
            }
            for (int i = 0; i < count; i++) {
                uris.add(LoadGenerator.loopback(url.replace("{i}", Integer.toString(i))));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("PacedLoad: " + e.getMessage());
            System.err.println("usage: PacedLoad --url 'http://127.0.0.1:PORT/path/{i}' [--count 1] [--rate 1000]"
                    + " [--duration 60] [--concurrency 8] [--order round-robin|random]");
            System.exit(2);
            return;
        }
        System.exit(new PacedLoad(uris, rate, duration, concurrency, random).run() ? 0 : 1);
    }

    /** Sends every request due within the duration, prints the figures; true when every answer was a 200. */
    boolean run() throws InterruptedException {
        System.out.printf(Locale.ROOT, "GET %d URL(s) (%s, ...) %s, %.0f requests/s, %d requests, %d threads%n",
                requests.length, requests[0].uri(), random ? "at random" : "round-robin", rate, total, concurrency);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> sendDue(start), "paced-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the slots of requests not sent stay 0; a sent request took more than 0 ns
        long[] sorted = Arrays.stream(latencies).filter(nanos -> nanos > 0).sorted().toArray();
        if (sorted.length == 0) {
            sorted = new long[1];
        }
        long count = sent.get();
        double achieved = count / seconds;
        double p50 = LoadGenerator.percentile(sorted, 50) / 1e6;
        double p99 = LoadGenerator.percentile(sorted, 99) / 1e6;
        System.out.printf(Locale.ROOT, "sent %d of %d requests due in %.2f s: %.1f requests/s (asked %.0f)%n", count,
                total, seconds, achieved, rate);
        System.out.printf(Locale.ROOT, "latency: p50 %.3f ms, p99 %.3f ms; %d requests left over 10 ms late%n",
                p50, p99, late.get());
        System.out.printf(Locale.ROOT, "non-200 answers: %d, failed requests: %d%n", answers.non200(),
                answers.errors());
        if (answers.firstProblem() != null) {
            System.out.println("first problem: " + answers.firstProblem());
        }
        System.out.printf(Locale.ROOT, "RESULT sent=%d due=%d rate=%.1f p50_ms=%.3f p99_ms=%.3f late=%d non200=%d errors=%d%n",
                count, total, achieved, p50, p99, late.get(), answers.non200(), answers.errors());
        return answers.non200() == 0 && answers.errors() == 0;
    }

    /** One sending thread: takes request numbers until none is left, waits until each is due, sends it. */
    private void sendDue(long start) {
        SplittableRandom choice = new SplittableRandom(Thread.currentThread().getName().hashCode());
        long end = start + (long) (total / rate * 1e9);
        long j;
        while ((j = next.getAndIncrement()) < total && System.nanoTime() < end) {
            long due = start + (long) (j * 1e9 / rate);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long started = System.nanoTime();
            if (started - due > LATE_NANOS) {
                late.incrementAndGet();
            }
            int target = random ? choice.nextInt(requests.length) : (int) (j % requests.length);
            answers.send(requests[target]);
            latencies[(int) j] = System.nanoTime() - started;
            sent.incrementAndGet();
        }
    }
}
