package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.RequestRecord;
import dev.fmd.query.DailyHits;
import dev.fmd.query.Dimension;
import dev.fmd.query.DimensionBreakdown;
import dev.fmd.query.DimensionStats;
import dev.fmd.query.EndpointPerformance;
import dev.fmd.query.EndpointSummary;
import dev.fmd.query.HourlyHits;
import dev.fmd.query.RequestPage;
import dev.fmd.query.RequestRow;
import dev.fmd.query.RequestStats;
import dev.fmd.query.SeriesPoint;
import dev.fmd.query.StatusHits;
import dev.fmd.query.TimeWindow;
import dev.fmd.query.VersionPerformance;
import dev.fmd.query.VersionShare;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query service of the dashboard against figures computed here, independently, from the requests it sent: on
 * real PostgreSQL and MariaDB, through the real writer (two instances, each a {@link Monitor} whose queue a
 * {@link BatchWriter} thread drains into the rollups), read back by a third store as a dashboard would. Counts must
 * be exact, means exact to rounding, percentiles within 1% of the exact ones (the {@code ceil(q·n)}-th smallest).
 */
class RollupQueriesIT {

    private static final int PER_INSTANCE = 3_000;
    private static final int TOP_VALUES = 4;
    private static final int PAGE = 25;
    /** requests of an instance starting at the same millisecond: together more than a page */
    private static final int TIED = 16;
    private static final List<String> USERS = Arrays.asList("alice", "bob", "carol", null);
    private static final int IPS = 9;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** versions as git hashes, in the order they are deployed, which is not the order of their names */
    private static final String V1 = "7c1e9a0";
    private static final String V2 = "2f4b1d3";
    private static final String V3 = "e05d8c2";
    private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};

    /** The application whose endpoints the requests reach. */
    @Path("/shop")
    public static class Shop {
        @GET
        @Path("orders")
        public String orders() {
            return "";
        }

        @GET
        @Path("items")
        public String items() {
            return "";
        }

        @POST
        @Path("pay")
        public String pay() {
            return "";
        }
    }

    /** A request as sent to a writer. */
    record Sent(String endpoint, LocalDateTime time, long nanos, String version, String user, String ip, int status,
                String exception, String instance) {

        double ms() {
            return nanos / 1_000_000.0;
        }

        String userValue() {
            return user == null ? Dimension.NONE : user;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void everyPageFigureMatchesTheRequestsSent(String database) throws Exception {
        DataSource plain = MigrationsIT.dataSource(database);
        ReusedConnections dataSource = new ReusedConnections(plain);
        String prefix = MigrationsIT.uniquePrefix();
        LocalDateTime base = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).minusDays(12);
        Store reader = new Store(config(prefix, "it-reader"), dataSource);
        try {
            List<Sent> sent = new ArrayList<>();
            Map<String, Long> ids = write(dataSource, prefix, base, sent);
            try (Connection connection = plain.getConnection(); Statement statement = connection.createStatement()) {
                assertEquals(MigrationsIT.hitsPerHour(statement, prefix + "rollup"),
                        MigrationsIT.hitsPerHour(statement, prefix + "rollup_app_hour"),
                        "the app-wide hourly rows are the hourly rollup summed per hour and instance");
            }
            reader.open();
            checkFigures(reader, ids, sent, base);
            checkRequestPages(reader, ids, sent);
        } finally {
            reader.close();
            dataSource.close();
            MigrationsIT.drop(plain, prefix);
        }
    }

    /** Sends the requests of two instances through their writers; returns the endpoint ids by name. */
    private static Map<String, Long> write(DataSource dataSource, String prefix, LocalDateTime base, List<Sent> sent)
            throws Exception {
        Map<String, Long> ids = new HashMap<>();
        Random random = new Random(11);
        for (String instance : List.of("it-a", "it-b")) {
            FmdConfig config = config(prefix, instance);
            Monitor monitor = new Monitor(config);
            monitor.endpoints().registerRoots(List.of(Shop.class));
            Store store = new Store(config, dataSource);
            BatchWriter writer = new BatchWriter(monitor, store, List.of(),
                    new ManagedThreads(Thread::new, monitor.problems()));
            writer.start();
            try {
                Map<String, Endpoint> endpoints = new HashMap<>();
                monitor.endpoints().all().forEach(e -> endpoints.put(e.name(), e));
                assertEquals(Set.of("Shop.orders", "Shop.items", "Shop.pay"), endpoints.keySet());
                List<Sent> mine = new ArrayList<>(generate(random, base, instance));
                mine.sort(Comparator.comparing(Sent::time));   // as they come: the writer's batches follow time
                sent.addAll(mine);
                for (Sent s : mine) {
                    assertTrue(monitor.queue().offer(new RequestRecord(endpoints.get(s.endpoint()), true,
                            s.time().toInstant(ZoneOffset.UTC).toEpochMilli(), s.nanos(), s.version(), s.user(),
                            s.ip(), s.status(), s.exception(), null)));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (writer.written() < mine.size() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(mine.size(), writer.written(), instance + ": every request written");
                assertEquals(0, writer.rejected());
                endpoints.forEach((name, e) -> ids.put(name, e.id()));
            } finally {
                writer.stop();
            }
        }
        return ids;
    }

    /**
     * Requests over ten days from {@code base + 1 day}: version V1, then V1 and V2, then V2 and V3; three users
     * and none (within {@code fmd.top-values}), nine IPs (beyond it); some requests starting at the same millisecond.
     */
    private static List<Sent> generate(Random random, LocalDateTime base, String instance) {
        List<Sent> requests = new ArrayList<>();
        LocalDateTime start = base.plusDays(1);
        long span = Duration.ofDays(10).toMillis();
        LocalDateTime tie = base.plusDays(9).plusHours(7).plusMinutes(3).plusNanos(123_000_000);
        for (int i = 0; i < PER_INSTANCE; i++) {
            LocalDateTime time = i < TIED ? tie : start.plus((long) (random.nextDouble() * span), ChronoUnit.MILLIS);
            String endpoint = i < TIED ? "Shop.orders" : List.of("Shop.orders", "Shop.items", "Shop.pay")
                    .get(random.nextInt(3));
            long day = ChronoUnit.DAYS.between(base, time);
            String version = day < 5 ? V1 : day < 8 ? (random.nextDouble() < 0.3 ? V1 : V2)
                    : (random.nextBoolean() ? V2 : V3);
            double ms = switch (endpoint) {
                case "Shop.orders" -> 20 * Math.exp(0.8 * random.nextGaussian()) * (version.equals(V3) ? 1.5 : 1);
                case "Shop.items" -> 0.002 + random.nextDouble() * 5;
                default -> random.nextDouble() < 0.8 ? 100 * Math.exp(0.2 * random.nextGaussian())
                        : 2000 * Math.exp(0.3 * random.nextGaussian());
            };
            double outcome = random.nextDouble();
            int status = outcome < 0.85 ? (endpoint.equals("Shop.pay") ? 201 : 200) : outcome < 0.92 ? 404
                    : outcome < 0.95 ? 400 : 500;
            int ip = (int) Math.min(IPS - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 2.5));
            requests.add(new Sent(endpoint, time, Math.max(2_000, Math.round(ms * 1_000_000)), version,
                    USERS.get(random.nextInt(USERS.size())), "10.0.0." + ip, status,
                    status == 500 ? "java.lang.IllegalStateException" : null, instance));
        }
        return requests;
    }

    private static void checkFigures(Store reader, Map<String, Long> ids, List<Sent> sent, LocalDateTime base) {
        JpaUsageQueries usage = new JpaUsageQueries(reader);
        JpaPerformanceQueries performance = new JpaPerformanceQueries(reader);
        JpaDimensionQueries dimensions = new JpaDimensionQueries(reader);
        long orders = ids.get("Shop.orders");
        long pay = ids.get("Shop.pay");
        // edges inside a day on both sides: whole days from rollup_day, edge hours from rollup
        TimeWindow window = new TimeWindow(instant(base.plusDays(2).plusHours(5).plusMinutes(30)),
                instant(base.plusDays(9).plusHours(13).plusMinutes(15)));
        // within one day: hours only
        TimeWindow hours = new TimeWindow(instant(base.plusDays(4).plusHours(2).plusMinutes(10)),
                instant(base.plusDays(4).plusHours(9)));
        List<Sent> inHours = inHours(sent, window);
        List<Sent> inDays = inDays(sent, window);
        assertTrue(inHours.size() > 1000 && inDays.size() > inHours.size(), "the window holds requests");

        Function<Sent, HourlyHits> localHour = s -> {
            LocalDateTime local = s.time().atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toLocalDateTime();
            return new HourlyHits(local.toLocalDate(), local.getHour(), 0);
        };
        assertEquals(count(inHours, localHour), cells(usage.hourlyLoad(window, ZONE)), "hourly load");
        assertEquals(count(inHours(sent, hours), localHour), cells(usage.hourlyLoad(hours, ZONE)),
                "hourly load within a day");
        assertEquals(count(only(inHours, "Shop.orders"), localHour),
                cells(usage.hourlyLoad(orders, window, ZONE)), "hourly load of an endpoint");
        assertEquals(count(only(inHours, s -> s.instance().equals("it-b")), localHour),
                cells(usage.hourlyLoad(window.on("it-b"), ZONE)), "hourly load of one instance");

        Map<List<Object>, Long> daily = count(inDays, s -> List.of(s.time().toLocalDate(), s.endpoint()));
        List<DailyHits> dailyHits = usage.dailyHits(window);
        assertEquals(daily, dailyHits.stream().collect(Collectors.toMap(d -> List.of(d.day(), d.endpointName()),
                DailyHits::hits)), "daily hits");
        assertEquals(dailyHits.stream().sorted(Comparator.comparing(DailyHits::day)
                .thenComparing(DailyHits::endpointName)).toList(), dailyHits, "by day, then endpoint");

        List<VersionShare> shares = usage.versionShares(window);
        Map<List<Object>, Long> perVersion = count(inHours, s -> List.of(s.endpoint(), s.version()));
        assertEquals(perVersion, shares.stream().collect(Collectors.toMap(v -> List.of(v.endpointName(),
                v.version()), VersionShare::hits)), "hits per endpoint and version");
        for (VersionShare share : shares) {
            assertEquals((double) share.hits() / only(inHours, share.endpointName()).size(), share.share(), 1e-12);
        }
        assertEquals(List.of(V1, V2, V3), shares.stream().filter(v -> v.endpointName().equals("Shop.pay"))
                .map(VersionShare::version).toList(), "versions in the order they appear");

        for (TimeWindow w : List.of(window, hours)) {
            List<EndpointPerformance> endpoints = performance.endpoints(w);
            assertEquals(List.of("Shop.items", "Shop.orders", "Shop.pay"),
                    endpoints.stream().map(EndpointPerformance::endpointName).toList());
            for (EndpointPerformance e : endpoints) {
                assertStats(only(inHours(sent, w), e.endpointName()), e.stats(), e.endpointName() + " in " + w);
            }
        }

        Map<String, List<Sent>> ofVersions = group(only(inHours, "Shop.orders"), Sent::version);
        List<VersionPerformance> versions = performance.versions(orders, window);
        assertEquals(List.of(V1, V2, V3), versions.stream().map(VersionPerformance::version).toList());
        versions.forEach(v -> assertStats(ofVersions.get(v.version()), v.stats(), "orders " + v.version()));

        checkSeries(performance.hourly(orders, window), only(inHours, "Shop.orders"),
                s -> s.time().truncatedTo(ChronoUnit.HOURS), "hourly orders");
        checkSeries(performance.daily(pay, window), only(inDays, "Shop.pay"),
                s -> s.time().truncatedTo(ChronoUnit.DAYS), "daily pay");

        List<Sent> ordersInDays = only(inDays, "Shop.orders");
        Map<List<Object>, List<Sent>> userCells = group(ordersInDays, s -> List.of(s.userValue(), s.version()));
        List<DimensionStats> byUserAndVersion = dimensions.byVersion(orders, Dimension.USER, window);
        assertEquals(userCells.keySet(), byUserAndVersion.stream().map(c -> List.<Object>of(c.value(), c.version()))
                .collect(Collectors.toSet()), "a cell per user (and none) and version");
        byUserAndVersion.forEach(c -> assertStats(userCells.get(List.of(c.value(), c.version())), c.stats(),
                "user " + c.value() + " " + c.version()));
        Map<String, List<Sent>> users = group(ordersInDays, Sent::userValue);
        List<DimensionStats> byUser = dimensions.byValue(orders, Dimension.USER, window);
        assertEquals(List.of(Dimension.NONE, "alice", "bob", "carol"), byUser.stream().map(DimensionStats::value)
                .toList());
        byUser.forEach(c -> {
            assertNull(c.version());
            assertStats(users.get(c.value()), c.stats(), "user " + c.value());
        });

        checkTopValues(dimensions.byVersion(orders, Dimension.IP, window), ordersInDays);
        assertEquals(ordersInDays.size(), dimensions.byValue(orders, Dimension.IP, window).stream()
                .mapToLong(c -> c.stats().hits()).sum(), "every request in the IP rollup");

        assertEquals(count(only(inDays, "Shop.pay"), s -> new StatusHits(s.time().toLocalDate(), s.status(), 0)),
                dimensions.statusCodes(pay, window).stream().collect(Collectors.toMap(
                        s -> new StatusHits(s.day(), s.status(), 0), StatusHits::hits)), "status codes per day");

        for (Dimension dimension : Dimension.values()) {
            DimensionBreakdown both = dimensions.breakdown(orders, dimension, window);
            assertEquals(meansRounded(dimensions.byVersion(orders, dimension, window)), meansRounded(both.byVersion()),
                    "both " + dimension + " figures from one read: per version");
            assertEquals(meansRounded(dimensions.byValue(orders, dimension, window)), meansRounded(both.byValue()),
                    "both " + dimension + " figures from one read: per value");
        }

        Instant now = Instant.now();
        JpaEndpointQueries endpoints = new JpaEndpointQueries(reader);
        for (TimeWindow w : List.of(window, hours, window.on("it-a"))) {
            for (EndpointSummary summary : endpoints.overview(w, now)) {
                assertEquals(Optional.of(summary), endpoints.summary(summary.id(), w, now),
                        "one endpoint's line, read alone, is its overview line");
            }
        }
        assertEquals(Optional.empty(), endpoints.summary(-1, window, now), "no endpoint has this id");
        for (EndpointSummary summary : endpoints.overview(window, now)) {
            assertEquals(only(sent, summary.name()).size(), summary.hits(), "overview " + summary.name());
            List<Sent> ofWindow = only(inHours, summary.name());
            assertEquals(ofWindow.size(), summary.windowHits());
            near(exact(ofWindow, 0.5), summary.medianMs(), "overview median " + summary.name());
        }
    }

    /** @return the figures with their means to 9 significant digits (sums added in another order differ below) */
    private static List<DimensionStats> meansRounded(List<DimensionStats> figures) {
        return figures.stream().map(f -> {
            RequestStats s = f.stats();
            double mean = new java.math.BigDecimal(s.meanMs()).round(new java.math.MathContext(9)).doubleValue();
            return new DimensionStats(f.value(), f.version(), new RequestStats(s.hits(), s.clientErrors(),
                    s.serverErrors(), mean, s.p5Ms(), s.p25Ms(), s.medianMs(), s.p75Ms(), s.p90Ms(), s.p95Ms(),
                    s.p99Ms()));
        }).toList();
    }

    /** Names beyond {@code fmd.top-values} a day are counted in "(other)": sums stay exact, cells never exceed. */
    private static void checkTopValues(List<DimensionStats> cells, List<Sent> requests) {
        Map<List<Object>, Long> exact = count(requests, s -> List.of(s.ip(), s.version()));
        assertTrue(cells.stream().anyMatch(c -> c.value().equals(Dimension.OTHER)), "IPs beyond the top values");
        assertTrue(cells.stream().anyMatch(c -> !c.value().equals(Dimension.OTHER)), "the top values by name");
        for (DimensionStats c : cells) {
            if (!c.value().equals(Dimension.OTHER)) {
                assertTrue(c.stats().hits() <= exact.get(List.of(c.value(), c.version())), c.toString());
            }
        }
        assertEquals(count(requests, Sent::version), cells.stream().collect(Collectors.groupingBy(
                DimensionStats::version, Collectors.summingLong(c -> c.stats().hits()))), "hits per version");
    }

    private static void checkSeries(List<SeriesPoint> points, List<Sent> requests,
                                    Function<Sent, LocalDateTime> bucket, String what) {
        Map<List<Object>, List<Sent>> expected = group(requests, s -> List.of(instant(bucket.apply(s)), s.version()));
        assertEquals(expected.keySet(), points.stream().map(p -> List.<Object>of(p.start(), p.version()))
                .collect(Collectors.toSet()), what);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(!points.get(i).start().isBefore(points.get(i - 1).start()), what + " in time order");
        }
        points.forEach(p -> assertStats(expected.get(List.of(p.start(), p.version())), p.stats(),
                what + " " + p.start() + " " + p.version()));
    }

    /** Walks every page of an endpoint's requests, through the requests sharing a millisecond. */
    private static void checkRequestPages(Store reader, Map<String, Long> ids, List<Sent> sent) {
        JpaRequestQueries requests = new JpaRequestQueries(reader);
        List<RequestRow> all = new ArrayList<>();
        RequestPage page = requests.requests(ids.get("Shop.orders"), null, PAGE);
        for (int pages = 0; ; pages++) {
            assertTrue(page.requests().size() == PAGE || page.next() == null, "full pages but the last");
            all.addAll(page.requests());
            if (page.next() == null || pages > 10_000) {
                break;
            }
            page = requests.requests(ids.get("Shop.orders"), page.next(), PAGE);
        }
        List<Sent> orders = only(sent, "Shop.orders");
        assertEquals(orders.size(), all.size(), "every request once");
        assertEquals(all.size(), all.stream().map(RequestRow::id).distinct().count(), "no request twice");
        for (int i = 1; i < all.size(); i++) {
            RequestRow before = all.get(i - 1);
            RequestRow row = all.get(i);
            assertTrue(row.timeRequested().isBefore(before.timeRequested())
                    || row.timeRequested().equals(before.timeRequested()) && row.id() < before.id(), "newest first");
        }
        Map<List<Object>, Long> expected = count(orders, s -> Arrays.<Object>asList(instant(s.time()),
                RequestRows.milliseconds(s.ms()).doubleValue(), s.version(), s.user(), s.ip(), s.status(),
                s.exception(), s.instance()));
        assertEquals(expected, count(all, r -> Arrays.<Object>asList(r.timeRequested(), r.durationMs(),
                r.version(), r.groupBy(), r.ip(), r.status(), r.exception(), r.instance())), "the rows as sent");
        RequestRow newest = all.get(0);
        assertEquals(newest.timeRequested(), orders.stream().map(s -> instant(s.time())).max(Comparator.naturalOrder())
                .orElseThrow());
    }

    private static void assertStats(List<Sent> requests, RequestStats stats, String what) {
        assertTrue(requests != null && !requests.isEmpty(), what + ": no such requests were sent");
        assertEquals(requests.size(), stats.hits(), what + " hits");
        assertEquals(requests.stream().filter(s -> s.status() >= 400 && s.status() < 500).count(),
                stats.clientErrors(), what + " 4xx");
        assertEquals(requests.stream().filter(s -> s.status() >= 500).count(), stats.serverErrors(), what + " 5xx");
        double mean = requests.stream().mapToDouble(Sent::ms).average().orElseThrow();
        assertEquals(mean, stats.meanMs(), mean * 1e-9, what + " mean");
        double[] read = {stats.p5Ms(), stats.p25Ms(), stats.medianMs(), stats.p75Ms(), stats.p90Ms(), stats.p95Ms(),
            stats.p99Ms()};
        for (int i = 0; i < QUANTILES.length; i++) {
            near(exact(requests, QUANTILES[i]), read[i], what + " p" + (int) (QUANTILES[i] * 100));
        }
    }

    private static double exact(List<Sent> requests, double q) {
        double[] sorted = requests.stream().mapToDouble(Sent::ms).sorted().toArray();
        return sorted[Math.max(1, (int) Math.ceil(q * sorted.length)) - 1];
    }

    private static void near(double exact, double read, String what) {
        assertTrue(Math.abs(read - exact) <= 0.01 * exact, what + ": read " + read + " ms, exactly " + exact + " ms");
    }

    /** @return the requests in the whole hours the window touches */
    private static List<Sent> inHours(List<Sent> sent, TimeWindow window) {
        LocalDateTime from = utc(window.from()).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime to = utc(window.to().minusNanos(1)).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return only(sent, s -> !s.time().isBefore(from) && s.time().isBefore(to));
    }

    /** @return the requests in the whole UTC days the window touches */
    private static List<Sent> inDays(List<Sent> sent, TimeWindow window) {
        LocalDateTime from = utc(window.from()).truncatedTo(ChronoUnit.DAYS);
        LocalDateTime to = utc(window.to().minusNanos(1)).truncatedTo(ChronoUnit.DAYS).plusDays(1);
        return only(sent, s -> !s.time().isBefore(from) && s.time().isBefore(to));
    }

    private static List<Sent> only(List<Sent> sent, String endpoint) {
        return only(sent, s -> s.endpoint().equals(endpoint));
    }

    private static List<Sent> only(List<Sent> sent, Predicate<Sent> which) {
        return sent.stream().filter(which).toList();
    }

    private static <K, T> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key));
    }

    private static <K, T> Map<K, Long> count(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static Map<HourlyHits, Long> cells(List<HourlyHits> cells) {
        List<HourlyHits> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparing(HourlyHits::day).thenComparingInt(HourlyHits::hour));
        assertEquals(sorted, cells, "by day and hour");
        Map<HourlyHits, Long> byCell = new LinkedHashMap<>();
        cells.forEach(c -> assertNull(byCell.put(new HourlyHits(c.day(), c.hour(), 0), c.hits()), "one cell an hour"));
        return byCell;
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static FmdConfig config(String prefix, String instance) {
        Map<String, String> values = Map.of(FmdConfig.TABLE_PREFIX, prefix, FmdConfig.INSTANCE, instance,
                FmdConfig.TOP_VALUES, String.valueOf(TOP_VALUES), FmdConfig.FLUSH_INTERVAL, "50",
                FmdConfig.QUEUE_CAPACITY, "100000");
        return FmdConfig.read(key -> Optional.ofNullable(values.get(key)), "it-host");
    }
}
