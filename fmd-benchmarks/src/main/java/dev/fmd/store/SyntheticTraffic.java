package dev.fmd.store;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestHandle;
import dev.fmd.monitor.RequestRecord;
import dev.fmd.monitor.SyntheticHandles;
import dev.fmd.outlier.OutlierRecord;
import dev.fmd.profiler.CodeLine;
import dev.fmd.profiler.ProfileRecord;
import dev.fmd.profiler.StackLine;
import dev.fmd.profiler.SyntheticBudget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The traffic of a shop API over 100 endpoints, request by request, as the request path would hand it to the writer:
 * <ul>
 * <li>endpoints by a Zipf law (s = 1) over a seeded shuffle of the 100; {@value #LEVEL3} of them at level 3, 10 at
 * level 2, the others at level 1;</li>
 * <li>5 versions, each deployed at 09:00 UTC of successive fifths of the time span, old and new served side by side
 * for {@value #ROLLOUT_HOURS} hours while the new one rolls out;</li>
 * <li>1,000 users by a Zipf law (s = 1.07), 8% of requests anonymous; about 2,000 client IPs (a user's requests come
 * from their own address 80% of the time);</li>
 * <li>statuses per endpoint: mostly 200 (201 for POST, 204 for DELETE), 0.5–6% 4xx, 0.05–1% 5xx with an
 * exception;</li>
 * <li>lognormal durations per endpoint (median 2–400 ms, σ 0.35–1.0), changed by each version (one regresses three
 * endpoints by 60%);</li>
 * <li>a call tree of 20–40 lines, from a pool of 300 code lines, for every level-3 request the profiler's budget
 * ({@code fmd.profiler-rate}) lets through at that traffic;</li>
 * <li>outliers (3–8 times slower, with a stack, headers and environment as the outlier detector stores them) for 1%
 * of level-2 and level-3 requests after each endpoint's first 10.</li>
 * </ul>
 * Deterministic for a seed. Not thread-safe.
 */
final class SyntheticTraffic {

    static final String[] VERSIONS = {"2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0"};
    static final int LEVEL3 = 5;
    static final int ROLLOUT_HOURS = 4;
    static final int USERS = 1_000;
    static final int IPS = 2_000;
    private static final int[] LEVEL3_RANKS = {5, 11, 24, 44, 79};
    private static final int[] LEVEL2_RANKS = {1, 3, 8, 14, 19, 29, 49, 59, 89, 98};
    private static final double ANONYMOUS = 0.08;
    private static final double OUTLIER_SHARE = 0.01;
    private static final int OUTLIER_WARMUP = 10;
    private static final int TREE_VARIANTS = 4;
    private static final int CODE_LINES = 300;

    private final SplittableRandom random;
    private final List<Traffic> endpoints = new ArrayList<>();
    private final double[] endpointCdf;
    private final double[] userCdf;
    private final double[] ipCdf;
    private final String[] users = new String[USERS];
    private final String[] homeIps = new String[USERS];
    private final String[] ips = new String[IPS];
    private final long[] switches = new long[VERSIONS.length];
    private final double profilerRate;
    private final List<CodeLine> pool = new ArrayList<>();

    /**
     * @param endpoints    the 100 endpoints, their levels set here
     * @param fromMillis   when the first version is deployed
     * @param toMillis     the end of the time span
     * @param profilerRate {@code fmd.profiler-rate}
     * @param seed         the seed
     */
    SyntheticTraffic(List<Endpoint> endpoints, long fromMillis, long toMillis, double profilerRate, long seed) {
        this.random = new SplittableRandom(seed);
        this.profilerRate = profilerRate;
        List<Endpoint> ranked = new ArrayList<>(endpoints);
        ranked.sort(Comparator.comparing(Endpoint::name));
        for (int i = ranked.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ranked.set(i, ranked.set(j, ranked.get(i)));
        }
        for (int i = 0; i < CODE_LINES; i++) {
            pool.add(CodeLine.of("com.example.shop." + LAYERS[i % LAYERS.length] + "." + NOUNS[(i / 3) % NOUNS.length]
                    + SUFFIXES[i % LAYERS.length], VERBS[(i / 7) % VERBS.length], 20 + (i * 37) % 400));
        }
        double[] weights = new double[ranked.size()];
        for (int rank = 0; rank < ranked.size(); rank++) {
            Endpoint endpoint = ranked.get(rank);
            int level = contains(LEVEL3_RANKS, rank) ? 3 : contains(LEVEL2_RANKS, rank) ? 2 : 1;
            endpoint.level(level);
            weights[rank] = 1.0 / (rank + 1);
            this.endpoints.add(new Traffic(endpoint, fromMillis));
        }
        endpointCdf = cdf(weights);
        double[] userWeights = new double[USERS];
        for (int i = 0; i < USERS; i++) {
            userWeights[i] = Math.pow(i + 1, -1.07);
            users[i] = String.format("customer-%04d", i);
        }
        userCdf = cdf(userWeights);
        double[] ipWeights = new double[IPS];
        for (int i = 0; i < IPS; i++) {
            ipWeights[i] = Math.pow(i + 1, -0.6);
            ips[i] = "10.20." + (i / 250) + "." + (i % 250 + 1);
        }
        ipCdf = cdf(ipWeights);
        for (int i = 0; i < USERS; i++) {
            homeIps[i] = ips[(int) ((i * 7919L) % IPS)];
        }
        long span = toMillis - fromMillis;
        for (int v = 0; v < VERSIONS.length; v++) {
            long fifth = fromMillis + span * v / VERSIONS.length;
            switches[v] = v == 0 ? Long.MIN_VALUE : fifth - Math.floorMod(fifth, 86_400_000L) + 9 * 3_600_000L;
        }
    }

    /** @return the endpoints, by traffic rank */
    List<Endpoint> ranked() {
        return endpoints.stream().map(t -> t.endpoint).toList();
    }

    /**
     * The relative traffic of an hour: a working-day curve peaking late morning and mid-afternoon (UTC), less on
     * weekends, growing by 30% over the span.
     *
     * @param hourMillis the hour's start
     * @param progress   how far into the span, 0 to 1
     */
    static double hourWeight(long hourMillis, double progress) {
        ZonedDateTime time = Instant.ofEpochMilli(hourMillis).atZone(ZoneOffset.UTC);
        double h = time.getHour() + 0.5;
        double day = 0.08 + Math.exp(-(h - 11) * (h - 11) / 18) + 0.8 * Math.exp(-(h - 16) * (h - 16) / 12);
        DayOfWeek weekday = time.getDayOfWeek();
        double week = weekday == DayOfWeek.SATURDAY ? 0.55 : weekday == DayOfWeek.SUNDAY ? 0.45 : 1.0;
        return day * week * (1 + 0.3 * progress);
    }

    /**
     * Makes one request that started at {@code epochMillis}.
     *
     * @param epochMillis when it started
     * @param attachments receives its call tree and outlier context, if any
     * @return the request
     */
    RequestRecord next(long epochMillis, Consumer<RequestAttachment> attachments) {
        Traffic t = endpoints.get(pick(endpointCdf));
        Endpoint endpoint = t.endpoint;
        int version = version(epochMillis);
        String groupBy = null;
        String ip;
        if (random.nextDouble() >= ANONYMOUS) {
            int user = pick(userCdf);
            groupBy = users[user];
            ip = random.nextDouble() < 0.8 ? homeIps[user] : ips[pick(ipCdf)];
        } else {
            ip = ips[pick(ipCdf)];
        }
        double r = random.nextDouble();
        int status = t.okStatus;
        String exception = null;
        double ms = Math.exp(t.mu + t.sigma * gaussian()) * t.versionFactor[version];
        if (r < t.serverErrors) {
            status = random.nextInt(4) == 0 ? 503 : 500;
            exception = status == 500 ? EXCEPTIONS[random.nextInt(EXCEPTIONS.length)] : null;
        } else if (r < t.serverErrors + t.clientErrors) {
            status = CLIENT_ERRORS[random.nextInt(CLIENT_ERRORS.length)];
            ms *= 0.3;
        }
        RequestHandle handle = null;
        int level = endpoint.level();
        if (level >= 2) {
            handle = SyntheticHandles.of(endpoint, epochMillis);
            t.seen++;
            if (t.seen > OUTLIER_WARMUP && random.nextDouble() < OUTLIER_SHARE) {
                double averageMs = Math.exp(t.mu + t.sigma * t.sigma / 2) * t.versionFactor[version];
                ms *= 3 + 5 * random.nextDouble();
                attachments.accept(t.outlier(handle, averageMs, random));
            }
            if (level == 3 && t.budget.tryTake(epochMillis * 1_000_000L)) {
                attachments.accept(t.profile(handle, ms, random));
            }
        }
        return new RequestRecord(endpoint, true, epochMillis, Math.round(ms * 1e6), VERSIONS[version], groupBy, ip,
                status, exception, handle);
    }

    private int version(long epochMillis) {
        int v = VERSIONS.length - 1;
        while (v > 0 && epochMillis < switches[v]) {
            v--;
        }
        long since = epochMillis - switches[v];
        if (v > 0 && since < ROLLOUT_HOURS * 3_600_000L
                && random.nextDouble() > (double) since / (ROLLOUT_HOURS * 3_600_000L)) {
            return v - 1;
        }
        return v;
    }

    private int pick(double[] cdf) {
        double u = random.nextDouble();
        int low = 0;
        int high = cdf.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cdf[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[] cdf(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] / total;
            cdf[i] = sum;
        }
        cdf[cdf.length - 1] = 1;
        return cdf;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** One endpoint's traffic model. */
    private final class Traffic {
        final Endpoint endpoint;
        final double mu;
        final double sigma;
        final double[] versionFactor = new double[VERSIONS.length];
        final int okStatus;
        final double clientErrors;
        final double serverErrors;
        final SyntheticBudget budget;
        final List<List<Node>> trees = new ArrayList<>();
        final String stackTrace;
        long seen;

        Traffic(Endpoint endpoint, long fromMillis) {
            this.endpoint = endpoint;
            mu = Math.log(2) + random.nextDouble() * Math.log(200);
            sigma = 0.35 + 0.65 * random.nextDouble();
            for (int v = 0; v < VERSIONS.length; v++) {
                versionFactor[v] = v == 0 ? 1 : versionFactor[v - 1] * (0.9 + 0.2 * random.nextDouble());
            }
            if (random.nextInt(33) == 0 || endpoint.name().startsWith("Orders.")
                    && endpoint.name().endsWith(".search")) {
                versionFactor[2] *= 1.6;
                versionFactor[3] *= 1.6 * 0.7;
                versionFactor[4] *= 1.6 * 0.7;
            }
            okStatus = switch (endpoint.httpMethod()) {
                case "POST" -> 201;
                case "DELETE" -> 204;
                default -> 200;
            };
            clientErrors = 0.005 + 0.055 * random.nextDouble() * random.nextDouble();
            serverErrors = 0.0005 + 0.0095 * random.nextDouble() * random.nextDouble();
            budget = new SyntheticBudget(profilerRate, fromMillis * 1_000_000L);
            StringBuilder stack = new StringBuilder();
            int depth = 18 + random.nextInt(10);
            for (int i = 0; i < depth; i++) {
                CodeLine line = pool.get(random.nextInt(pool.size()));
                stack.append("\tat ").append(line.className()).append('.').append(line.methodName()).append('(')
                        .append(line.fileName()).append(':').append(line.lineNumber()).append(")\n");
            }
            stack.append("\tat ").append(endpoint.className()).append('.').append(endpoint.methodName())
                    .append("(SyntheticApi.java:30)\n");
            stackTrace = stack.toString();
            if (endpoint.level() == 3) {
                for (int v = 0; v < TREE_VARIANTS; v++) {
                    trees.add(tree());
                }
            }
        }

        /** A call tree's shape: 20–40 nodes in pre-order, each with its share of the root's time. */
        private List<Node> tree() {
            int size = 20 + random.nextInt(21);
            int[] parent = new int[size];
            int[] indent = new int[size];
            parent[0] = -1;
            for (int i = 1; i < size; i++) {
                int p = i - 1;
                if (indent[p] >= 7 || random.nextInt(5) < 2) { // a sibling of the previous node or of an ancestor
                    for (int up = 1 + random.nextInt(3); up > 0 && p > 0; up--) {
                        p = parent[p];
                    }
                }
                parent[i] = p;
                indent[i] = indent[p] + 1;
            }
            double[] share = new double[size];
            share[0] = 1;
            for (int p = 0; p < size; p++) {
                double total = 0;
                double[] weight = new double[size];
                for (int c = p + 1; c < size; c++) {
                    if (parent[c] == p) {
                        weight[c] = -Math.log(1 - random.nextDouble());
                        total += weight[c];
                    }
                }
                double kept = 0.6 + 0.35 * random.nextDouble();
                for (int c = p + 1; c < size; c++) {
                    if (parent[c] == p) {
                        share[c] = share[p] * kept * weight[c] / total;
                    }
                }
            }
            List<Node> nodes = new ArrayList<>(size);
            nodes.add(new Node(0, CodeLine.of(endpoint.className(), endpoint.methodName(), 0), 1));
            for (int i = 1; i < size; i++) {
                nodes.add(new Node(indent[i], pool.get(random.nextInt(pool.size())), share[i]));
            }
            return nodes;
        }

        ProfileRecord profile(RequestHandle handle, double ms, SplittableRandom random) {
            List<Node> tree = trees.get(random.nextInt(trees.size()));
            List<StackLine> lines = new ArrayList<>(tree.size());
            for (int i = 0; i < tree.size(); i++) {
                Node node = tree.get(i);
                lines.add(new StackLine(i, node.indent, node.line, ms * node.share));
            }
            return new ProfileRecord(handle, lines);
        }

        /** @param averageMs the endpoint's mean duration in this version, as the outlier detector would know it */
        OutlierRecord outlier(RequestHandle handle, double averageMs, SplittableRandom random) {
            String path = endpoint.path().replace("{id}", String.valueOf(1 + random.nextInt(500_000)));
            String requestId = Long.toHexString(random.nextLong());
            return new OutlierRecord(handle, averageMs, stackTrace, 20 + 75 * random.nextDouble(),
                    (300 + random.nextInt(900)) * 1_048_576L, 2_048L * 1_048_576L,
                    "https://shop.example.com/api" + path,
                    endpoint.httpMethod().equals("GET") ? "page=" + random.nextInt(40) + "\nsize=50\nsort=date" : "",
                    "", "Host: shop.example.com\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0\n"
                            + "Accept: application/json\nAccept-Encoding: gzip, deflate, br\n"
                            + "Authorization: [redacted]\nCookie: [redacted]\nX-Request-Id: " + requestId + "\n"
                            + "X-Forwarded-For: 10.20." + random.nextInt(8) + "." + (1 + random.nextInt(250)) + "\n",
                    "server: app-1:8080\nscheme: https\nremote: 10.0.0.2\ncontent-type: application/json\n"
                            + "content-length: " + random.nextInt(4096) + "\nlocale: en_US\n");
        }
    }

    /** A node of a tree shape. */
    private record Node(int indent, CodeLine line, double share) {
    }

    private static final String[] LAYERS = {"web", "service", "repository", "client", "util"};
    private static final String[] SUFFIXES = {"Controller", "Service", "Repository", "Client", "Helper"};
    private static final String[] NOUNS = {"Order", "Customer", "Product", "Cart", "Payment", "Shipment", "Invoice",
        "Review", "Stock", "Price", "Tax", "Discount", "Address", "Session", "Audit", "Mail", "Search", "Catalog",
        "Warehouse", "Currency"};
    private static final String[] VERBS = {"find", "load", "save", "validate", "compute", "map", "fetch", "render",
        "check", "update", "merge", "resolve", "serialize", "query"};
    private static final String[] EXCEPTIONS = {"java.lang.IllegalStateException", "java.lang.NullPointerException",
        "jakarta.persistence.PersistenceException", "java.net.SocketTimeoutException",
        "java.util.concurrent.TimeoutException"};
    private static final int[] CLIENT_ERRORS = {404, 404, 404, 404, 400, 400, 422, 401, 403, 409};
}
