package dev.fmd.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the throughput of several already running servers fairly on a shared, noisy machine: measures each of them
 * for a short slice of requests, round after round, in an order that rotates from round to round, while every other
 * server is frozen ({@code kill -STOP}), and prints the median requests/s of each. One warm client JVM sends every
 * slice, so the client's own JIT does not weigh on the first slices.
 *
 * <p>Contract: every target is {@code label=pid=url}, with a {@code http://127.0.0.1} URL (loopback only) and the
 * pid of the server's process, which must be frozen on entry and is frozen again on exit. {@code --warmup-rounds}
 * rounds run first and are not counted. Every slice sends
 * {@code --slice-warmup} unmeasured and then {@code --slice} measured requests through a {@link LoadGenerator}.
 * Output: one line per round, then {@code MEDIAN label rps per-round...} per target. Exit status 0 when every answer
 * was a 200, 1 otherwise, 2 for wrong arguments.
 *
 * <p>With {@code --baseline CONFIG}, labels are {@code config.n} (several servers of one configuration) and a
 * Markdown table follows: per configuration the median requests/s of its slices, its percentage of the baseline's
 * median, the range of the per-round ratios (the configuration's mean over its servers in a round against the
 * baseline's in the same round), and the CPU its servers' threads spent per request during the measured slices, by
 * {@link ThreadCpu} group (read from {@code /proc} right after each server is woken up and right before it is frozen
 * again, so it holds what the server did for this slice and for the previous one's last requests).
 *
 * <pre>
 * java -cp fmd-benchmarks/target/classes dev.fmd.bench.InterleavedRounds --rounds 15 --slice 3000 \
 *     disabled=1234=http://127.0.0.1:8080/api/reports/primes?n=20000 level-3=1240=http://127.0.0.1:8081/api/...
 * </pre>
 */
public final class InterleavedRounds {

    private record Target(String label, long pid, URI uri, List<Double> rps, Map<String, Long> cpu) {

        String config() {
            int dot = label.indexOf('.');
            return dot < 0 ? label : label.substring(0, dot);
        }
    }

    private InterleavedRounds() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 15;
        int slice = 3000;
        int sliceWarmup = 300;
        int concurrency = 4;
        int warmupRounds = 0;
        String baseline = null;
        List<Target> targets = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + name);
                    }
                    String value = args[++i];
                    switch (name) {
                        case "--rounds" -> rounds = LoadGenerator.positive(name, value, 1);
                        case "--slice" -> slice = LoadGenerator.positive(name, value, 1);
                        case "--slice-warmup" -> sliceWarmup = LoadGenerator.positive(name, value, 0);
                        case "--concurrency" -> concurrency = LoadGenerator.positive(name, value, 1);
                        case "--warmup-rounds" -> warmupRounds = LoadGenerator.positive(name, value, 0);
                        case "--baseline" -> baseline = value;
                        default -> throw new IllegalArgumentException("unknown argument " + name);
                    }
                } else {
                    String[] parts = name.split("=", 3);
                    if (parts.length != 3) {
                        throw new IllegalArgumentException("a target is label=pid=url: " + name);
                    }
                    targets.add(new Target(parts[0], LoadGenerator.positive("pid", parts[1], 1),
                            LoadGenerator.loopback(parts[2]), new ArrayList<>(), new TreeMap<>()));
                }
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no target");
            }
            String wanted = baseline;
            if (wanted != null && targets.stream().noneMatch(t -> t.config().equals(wanted))) {
                throw new IllegalArgumentException("no target of the baseline configuration " + wanted);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("InterleavedRounds: " + e.getMessage());
            System.err.println("usage: InterleavedRounds [--rounds 15] [--warmup-rounds 0] [--slice 3000]"
                    + " [--slice-warmup 300] [--baseline CONFIG]"
                    + " [--concurrency 4] label=pid=http://127.0.0.1:PORT/path ...");
            System.exit(2);
            return;
        }
        boolean ok = true;
        for (int round = -warmupRounds; round < rounds; round++) {
            StringBuilder line = new StringBuilder(round < 0 ? "unmeasured round:"
                    : String.format(Locale.ROOT, "round %2d/%d:", round + 1, rounds));
            for (int k = 0; k < targets.size(); k++) {
                Target target = targets.get(Math.floorMod(k + round, targets.size()));
                signal("CONT", target.pid());
                LoadGenerator.Result result;
                Map<Long, ThreadCpu.Reading> before = ThreadCpu.ticks(target.pid());
                Map<Long, ThreadCpu.Reading> after;
                try {
                    result = new LoadGenerator(target.uri(), concurrency, sliceWarmup, slice).measure();
                } finally {
                    after = ThreadCpu.ticks(target.pid());
                    signal("STOP", target.pid());
                }
                if (round >= 0) {
                    ThreadCpu.add(target.cpu(), ThreadCpu.minus(after, before));
                }
                if (!result.ok()) {
                    ok = false;
                    System.out.println(target.label() + ": " + result.non200() + " non-200 answers, "
                            + result.errors() + " failed requests, first: " + result.firstProblem());
                }
                if (round >= 0) {
                    target.rps().add(result.rps());
                }
                line.append(String.format(Locale.ROOT, "  %s %.1f", target.label(), result.rps()));
            }
            System.out.println(line);
        }
        for (Target target : targets) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "MEDIAN %s %.1f", target.label(),
                    median(target.rps())));
            target.rps().forEach(r -> line.append(String.format(Locale.ROOT, " %.1f", r)));
            System.out.println(line);
        }
        if (baseline != null) {
            summary(targets, baseline, rounds, (long) rounds * (slice + sliceWarmup));
        }
        System.exit(ok ? 0 : 1);
    }

    /** Prints the Markdown table described in the class comment. */
    private static void summary(List<Target> targets, String baseline, int rounds, long requestsPerServer) {
        Map<String, List<Target>> configs = new LinkedHashMap<>();
        for (Target target : targets) {
            configs.computeIfAbsent(target.config(), c -> new ArrayList<>()).add(target);
        }
        double base = median(slices(configs.get(baseline)));
        StringBuilder head = new StringBuilder("| configuration | requests/s | % of " + baseline
                + " | per-round ratio, range |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (String group : ThreadCpu.GROUPS) {
            head.append(' ').append(group).append(" |");
            rule.append("---|");
        }
        System.out.println();
        System.out.println(head.append(" CPU per request, all |"));
        System.out.println(rule.append("---|"));
        for (Map.Entry<String, List<Target>> config : configs.entrySet()) {
            double rps = median(slices(config.getValue()));
            double low = Double.MAX_VALUE;
            double high = 0;
            for (int round = 0; round < rounds; round++) {
                double ratio = roundMean(config.getValue(), round) / roundMean(configs.get(baseline), round);
                low = Math.min(low, ratio);
                high = Math.max(high, ratio);
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %.1f | %.1f%% | %.3f-%.3f |",
                    config.getKey(), rps, 100 * rps / base, low, high));
            Map<String, Long> ticks = new TreeMap<>();
            config.getValue().forEach(t -> ThreadCpu.add(ticks, t.cpu()));
            long requests = requestsPerServer * config.getValue().size();
            long all = 0;
            for (String group : ThreadCpu.GROUPS) {
                long t = ticks.getOrDefault(group, 0L);
                all += t;
                line.append(String.format(Locale.ROOT, " %.1f |", perRequest(t, requests)));
            }
            System.out.println(line.append(String.format(Locale.ROOT, " %.1f |", perRequest(all, requests))));
        }
        System.out.println();
        System.out.println("CPU columns: microseconds per request, from /proc ticks of 10 ms over " + requestsPerServer
                + " requests per server.");
    }

    private static List<Double> slices(List<Target> targets) {
        List<Double> all = new ArrayList<>();
        targets.forEach(t -> all.addAll(t.rps()));
        return all;
    }

    private static double roundMean(List<Target> targets, int round) {
        return targets.stream().mapToDouble(t -> t.rps().get(round)).average().orElse(Double.NaN);
    }

    private static double perRequest(long ticks, long requests) {
        return (double) ticks * ThreadCpu.MICROS_PER_TICK / requests;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid + " failed");
        }
    }
}
