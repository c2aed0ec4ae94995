package dev.fmd.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop load client for the end-to-end throughput benchmark ({@code scripts/benchmark-throughput.sh}).
 *
 * <p>Contract: {@code C} threads ("virtual users") share one {@link HttpClient} (HTTP/1.1, keep-alive, so at most
 * {@code C} connections) and each sends {@code GET url} back to back, starting the next request as soon as the
 * previous answer has been read. First {@code W} warm-up requests are sent and ignored; then, once every user has
 * finished warming up, exactly {@code R} measured requests are sent (users take them from one shared counter).
 * The run prints, for the measured requests only: requests per second (R divided by the time from the start of the
 * measured phase to the last answer), mean, p50 and p99 latency, and the number of answers other than 200. The exit
 * status is 0 only when every answer (warm-up included) was a 200 and no request failed; otherwise 1. Wrong
 * arguments give exit status 2.
 *
 * <p>The URL must be {@code http://127.0.0.1:...}: this tool only loads a server on the loopback interface and
 * refuses any other host (including {@code localhost}, which could resolve elsewhere).
 *
 * <p>Run it (after {@code mvn -o -q -DskipTests -pl fmd-benchmarks -am package}) with:
 * <pre>
 * java -cp fmd-benchmarks/target/classes dev.fmd.bench.LoadGenerator \
 *     --url 'http://127.0.0.1:8080/api/reports/primes?n=20000' --concurrency 4 --warmup 3000 --requests 20000
 * </pre>
 * Defaults: concurrency 4, warm-up 3000, requests 20000; {@code --url} is required. The last output line is
 * machine-readable: {@code RESULT rps=... mean_ms=... p50_ms=... p99_ms=... non200=... errors=...}.
 */
public final class LoadGenerator {

    private final URI uri;
    private final int concurrency;
    private final int warmup;
    private final int requests;
    private final Answers answers = new Answers();
    private final HttpRequest request;

    private final AtomicInteger nextWarmup = new AtomicInteger();
    private final AtomicInteger nextMeasured = new AtomicInteger();
    private final long[] latencies;

    LoadGenerator(URI uri, int concurrency, int warmup, int requests) {
        this.uri = uri;
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.requests = requests;
        this.latencies = new long[requests];
        this.request = Answers.get(uri);
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        int concurrency = 4;
        int warmup = 3000;
        int requests = 20000;
        try {
            for (Map.Entry<String, String> option : options(args).entrySet()) {
                String name = option.getKey();
                String value = option.getValue();
                switch (name) {
                    case "--url" -> url = value;
                    case "--concurrency" -> concurrency = positive(name, value, 1);
                    case "--warmup" -> warmup = positive(name, value, 0);
                    case "--requests" -> requests = positive(name, value, 1);
                    default -> throw new IllegalArgumentException("unknown argument " + name);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.err.println("usage: LoadGenerator --url http://127.0.0.1:PORT/path [--concurrency 4]"
                    + " [--warmup 3000] [--requests 20000]");
            System.exit(2);
            return;
        }
        URI uri;
        try {
            uri = loopback(url);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new LoadGenerator(uri, concurrency, warmup, requests).run() ? 0 : 1);
    }

    /**
     * @param url an {@code http://127.0.0.1:...} address
     * @return it as a URI
     * @throws IllegalArgumentException for any other host: these tools load the loopback interface only
     */
    static URI loopback(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("refusing " + url + ": only http://127.0.0.1 (loopback) is allowed");
        }
        return uri;
    }

    /**
     * @param args command-line arguments, {@code --name value} pairs
     * @return the values by name, in order (a repeated name keeps its last value)
     * @throws IllegalArgumentException when the last name has no value
     */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    static int positive(String name, String value, int min) {
        try {
            int n = Integer.parseInt(value);
            if (n < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer: " + value);
        }
    }

    /** Runs the warm-up and the measured phase, prints the figures; true when every answer was a 200. */
    boolean run() throws InterruptedException {
        System.out.printf(Locale.ROOT, "GET %s, %d users, %d warm-up + %d measured requests%n",
                uri, concurrency, warmup, requests);
        Result result = measure();
        System.out.printf(Locale.ROOT, "measured %d requests in %.2f s: %.1f requests/s%n", requests,
                requests / result.rps(), result.rps());
        System.out.printf(Locale.ROOT, "latency: mean %.3f ms, p50 %.3f ms, p99 %.3f ms%n", result.meanMs(),
                result.p50Ms(), result.p99Ms());
        System.out.printf(Locale.ROOT, "non-200 answers: %d, failed requests: %d%n", result.non200(),
                result.errors());
        if (result.firstProblem() != null) {
            System.out.println("first problem: " + result.firstProblem());
        }
        System.out.printf(Locale.ROOT, "RESULT rps=%.1f mean_ms=%.3f p50_ms=%.3f p99_ms=%.3f non200=%d errors=%d%n",
                result.rps(), result.meanMs(), result.p50Ms(), result.p99Ms(), result.non200(), result.errors());
        return result.ok();
    }

    /** The figures of one measured phase. */
    record Result(double rps, double meanMs, double p50Ms, double p99Ms, int non200, int errors,
                  String firstProblem) {
        boolean ok() {
            return non200 == 0 && errors == 0;
        }
    }

    /** Runs the warm-up and the measured phase once; an instance is used for one measurement only. */
    Result measure() throws InterruptedException {
        phase(() -> {
            while (nextWarmup.getAndIncrement() < warmup) {
                answers.send(request);
            }
        });
        long start = System.nanoTime();
        phase(() -> {
            int i;
            while ((i = nextMeasured.getAndIncrement()) < requests) {
                long t0 = System.nanoTime();
                answers.send(request);
                latencies[i] = System.nanoTime() - t0;
            }
        });
        long elapsed = System.nanoTime() - start;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(requests / (elapsed / 1e9), Arrays.stream(sorted).average().orElse(0) / 1e6,
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, answers.non200(), answers.errors(),
                answers.firstProblem());
    }

    /** Runs {@code body} on {@code concurrency} threads and waits for all of them. */
    private void phase(Runnable body) throws InterruptedException {
        List<Thread> users = new ArrayList<>(concurrency);
        for (int u = 0; u < concurrency; u++) {
            Thread t = new Thread(body, "user-" + u);
            users.add(t);
            t.start();
        }
        for (Thread t : users) {
            t.join();
        }
    }

    /** Nearest-rank percentile of an ascending array. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
