package dev.fmd.it;

import dev.fmd.it.queries.SeededRequest;
import dev.fmd.it.queries.ShopApplication;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.ExpectedFigures;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.QueriesClient;
import dev.fmd.it.support.SeededTraffic;
import dev.fmd.it.support.TestWars;
import dev.fmd.query.DailyHits;
import dev.fmd.query.DashboardStatus;
import dev.fmd.query.DatabaseState;
import dev.fmd.query.Dimension;
import dev.fmd.query.DimensionStats;
import dev.fmd.query.EndpointPerformance;
import dev.fmd.query.EndpointSummary;
import dev.fmd.query.HourlyHits;
import dev.fmd.query.InstanceInfo;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.RequestPage;
import dev.fmd.query.RequestRow;
import dev.fmd.query.RequestStats;
import dev.fmd.query.SeriesPoint;
import dev.fmd.query.StatusHits;
import dev.fmd.query.TimeWindow;
import dev.fmd.query.VersionHits;
import dev.fmd.query.VersionPerformance;
import dev.fmd.query.VersionShare;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.fmd.it.support.ExpectedFigures.assertStats;
import static dev.fmd.it.support.ExpectedFigures.between;
import static dev.fmd.it.support.ExpectedFigures.byVersion;
import static dev.fmd.it.support.ExpectedFigures.group;
import static dev.fmd.it.support.ExpectedFigures.heatmap;
import static dev.fmd.it.support.ExpectedFigures.inDays;
import static dev.fmd.it.support.ExpectedFigures.inHours;
import static dev.fmd.it.support.ExpectedFigures.of;
import static dev.fmd.it.support.ExpectedFigures.only;
import static dev.fmd.it.support.ExpectedFigures.stats;
import static dev.fmd.it.support.ExpectedFigures.utcDay;
import static dev.fmd.it.support.ExpectedFigures.versionsInOrderOfAppearance;
import static dev.fmd.it.support.SeededTraffic.CREATE;
import static dev.fmd.it.support.SeededTraffic.ITEMS;
import static dev.fmd.it.support.SeededTraffic.LIST;
import static dev.fmd.it.support.SeededTraffic.NIGHTLY;
import static dev.fmd.it.support.SeededTraffic.V1;
import static dev.fmd.it.support.SeededTraffic.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query service the dashboard pages read (overview, usage, performance, users and IPs, status codes, the
 * request list, fmd's status) inside a WAR on Payara Micro, on this run's database, against figures computed here
 * from the requests seeded: {@link SeededTraffic}'s requests go into fmd's real queue (through the WAR's
 * {@code QueriesProbe}), fmd's own writer stores them and builds the rollups, and the probe answers with what the
 * services return. Counts and means must be exact, percentiles within the histogram's 1%, orders as documented.
 */
@ExtendWith(ArquillianExtension.class)
class QueryServicesIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String APPLICATION = "shop";
    private static final String INSTANCE = "queries-it";
    private static final String APP_VERSION = "it-3.1";
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Day 0 is ten days ago: every request lies in the past, within {@code fmd.retention-days}. */
    private static final SeededTraffic TRAFFIC = new SeededTraffic(LocalDate.now(ZoneOffset.UTC).minusDays(10));
    private static final List<SeededRequest> SEEDED = TRAFFIC.all();
    /** Edges inside days on both sides: whole days from {@code rollup_day}, the edge hours from {@code rollup}. */
    private static final TimeWindow WINDOW = new TimeWindow(TRAFFIC.at(2, "05:30"), TRAFFIC.at(8, "13:15"));
    /** Within one day, across Kolkata's midnight: hours only. */
    private static final TimeWindow EVENING = new TimeWindow(TRAFFIC.at(4, "18:10"), TRAFFIC.at(4, "23:30"));
    private static final TimeWindow ALL = new TimeWindow(TRAFFIC.at(0, "00:00"), TRAFFIC.at(10, "00:00"));

    private static boolean seeded;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive shop() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "shop.war")
                .addPackage(ShopApplication.class.getPackage());
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.instance", INSTANCE, "fmd.app-version",
                APP_VERSION), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    @Test
    void overviewCountsAllTodayAndTheLastSevenDaysAndTheWindowsPercentilesAndErrors() {
        Instant now = TRAFFIC.now();
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        List<EndpointSummary> rows = queries().overview(WINDOW, now);
        assertEquals(List.of(ITEMS, CREATE, LIST, NIGHTLY), rows.stream().map(EndpointSummary::name).toList(),
                "every endpoint, by name");
        Map<String, Long> ids = endpointIds();
        Map<String, String> routes = Map.of(ITEMS, "GET /shop/items", CREATE, "POST /shop/orders",
                LIST, "GET /shop/orders", NIGHTLY, "GET /shop/reports/nightly");
        for (EndpointSummary row : rows) {
            String what = "overview of " + row.name();
            List<SeededRequest> all = of(SEEDED, row.name());
            RequestStats window = stats(inHours(all, WINDOW));
            assertEquals(ids.get(row.name()), row.id(), what);
            assertEquals(routes.get(row.name()), row.httpMethod() + " " + row.path(), what);
            assertEquals(1, row.level(), what);
            assertEquals(all.size(), row.hits(), what + ": hits since it was added");
            assertEquals(between(all, midnight, now.plusMillis(1)).size(), row.hitsToday(), what + ": today");
            assertEquals(between(all, midnight.minus(6, ChronoUnit.DAYS), now.plusMillis(1)).size(), row.hitsWeek(),
                    what + ": the last 7 days");
            assertStats(window, shown(row, window), what + " in the window");
            assertEquals(all.stream().map(SeededRequest::time).max(Comparator.naturalOrder()).orElse(null),
                    row.lastRequested(), what + ": last requested");
        }
    }

    @Test
    void heatmapCountsEachUtcHourAtTheLocalDayAndHourItStartsAtAcrossKolkatasMidnight() {
        assertEquals(List.of(
                new HourlyHits(TRAFFIC.day(2), 4, 1),    // day 1, 23:59:59.999 UTC: 05:29 local, UTC hour from 04:30
                new HourlyHits(TRAFFIC.day(2), 5, 1),    // day 2, 00:00 UTC: 05:30
                new HourlyHits(TRAFFIC.day(4), 23, 2),   // 18:10 and 18:45 UTC (00:15 local): UTC hour from 23:30
                new HourlyHits(TRAFFIC.day(5), 0, 1),    // 19:00 UTC: 00:30 of the next local day
                new HourlyHits(TRAFFIC.day(5), 3, 1),    // 22:59:59.999 UTC: 04:29
                new HourlyHits(TRAFFIC.day(5), 4, 1)),   // 23:00 UTC: 04:30
                queries().hourlyLoad(NIGHTLY, ALL, KOLKATA));
    }

    @Test
    void heatmapsOfTheApplicationAndOfEachEndpointMatchTheSeededRequestsInKolkataAndAmsterdam() {
        QueriesClient queries = queries();
        for (ZoneId zone : List.of(KOLKATA, AMSTERDAM)) {
            assertEquals(heatmap(inHours(SEEDED, WINDOW), zone), queries.hourlyLoad(WINDOW, zone), "app, " + zone);
            assertEquals(heatmap(inHours(SEEDED, EVENING), zone), queries.hourlyLoad(EVENING, zone),
                    "app in the evening, " + zone);
            for (String endpoint : List.of(LIST, CREATE, NIGHTLY)) {
                assertEquals(heatmap(of(inHours(SEEDED, WINDOW), endpoint), zone),
                        queries.hourlyLoad(endpoint, WINDOW, zone), endpoint + ", " + zone);
            }
        }
    }

    @Test
    void dailyHitsAndVersionsCountTheWholeUtcDaysTheWindowTouches() {
        QueriesClient queries = queries();
        Map<String, Long> ids = endpointIds();
        List<SeededRequest> days = inDays(SEEDED, WINDOW);
        List<DailyHits> daily = new ArrayList<>();
        List<VersionHits> versions = new ArrayList<>();
        List<String> versionOrder = versionsInOrderOfAppearance(days);
        group(days, r -> utcDay(r.time())).forEach((day, ofDay) -> {
            group(ofDay, SeededRequest::endpoint).forEach((endpoint, requests) -> daily.add(
                    new DailyHits(day, ids.get(endpoint), endpoint, requests.size())));
            byVersion(ofDay, versionOrder).forEach((version, requests) -> versions.add(
                    new VersionHits(day, version, requests.size())));
        });
        assertEquals(daily, queries.dailyHits(WINDOW), "per day, then endpoint name");
        assertTrue(daily.contains(new DailyHits(TRAFFIC.day(2), ids.get(NIGHTLY), NIGHTLY, 1)),
                "UTC midnight's first millisecond is on its day, its last one before the window");
        assertEquals(List.of(V1, V2), versionOrder);
        assertEquals(versions, queries.dailyVersions(WINDOW), "per day, then version in the order they appeared");
    }

    @Test
    void versionSharesSplitEachEndpointsRequestsInTheOrderTheVersionsAppeared() {
        List<SeededRequest> hours = inHours(SEEDED, WINDOW);
        List<String> versionOrder = versionsInOrderOfAppearance(hours);
        Map<String, Long> ids = endpointIds();
        List<VersionShare> expected = new ArrayList<>();
        group(hours, SeededRequest::endpoint).forEach((endpoint, requests) -> byVersion(requests, versionOrder)
                .forEach((version, served) -> expected.add(new VersionShare(ids.get(endpoint), endpoint, version,
                        served.size(), (double) served.size() / requests.size()))));
        assertEquals(expected, queries().versionShares(WINDOW));
    }

    @Test
    void boxPlotPerEndpointHasExactCountsAndPercentilesWithinOnePercent() {
        QueriesClient queries = queries();
        Map<String, Long> ids = endpointIds();
        for (TimeWindow window : List.of(WINDOW, EVENING)) {
            List<SeededRequest> hours = inHours(SEEDED, window);
            List<EndpointPerformance> boxes = queries.endpointPerformance(window);
            assertEquals(List.copyOf(group(hours, SeededRequest::endpoint).keySet()),
                    boxes.stream().map(EndpointPerformance::endpointName).toList(), "endpoints with requests");
            for (EndpointPerformance box : boxes) {
                assertEquals(ids.get(box.endpointName()), box.endpointId());
                assertStats(stats(of(hours, box.endpointName())), box.stats(), box.endpointName() + " " + window);
            }
        }
        assertEquals(queries.endpointPerformance(WINDOW), queries.endpointPerformance(WINDOW.on(INSTANCE)),
                "every request is this instance's");
        assertEquals(List.of(), queries.endpointPerformance(WINDOW.on("another-instance")));
    }

    @Test
    void boxPlotPerVersionListsTheVersionsInTheOrderTheyAppeared() {
        List<SeededRequest> list = of(inHours(SEEDED, WINDOW), LIST);
        List<VersionPerformance> boxes = queries().versionPerformance(LIST, WINDOW);
        assertEquals(List.of(V1, V2), boxes.stream().map(VersionPerformance::version).toList(),
                "first deployed first, though its name sorts last");
        boxes.forEach(box -> assertStats(stats(only(list, r -> r.version().equals(box.version()))), box.stats(),
                LIST + " " + box.version()));
    }

    @Test
    void hourlyAndDailySeriesHaveAPointPerBucketAndVersion() {
        QueriesClient queries = queries();
        assertSeries(queries.hourly(LIST, WINDOW), of(inHours(SEEDED, WINDOW), LIST),
                ExpectedFigures::hourOf, "hourly " + LIST);
        assertSeries(queries.daily(CREATE, WINDOW), of(inDays(SEEDED, WINDOW), CREATE),
                ExpectedFigures::dayOf, "daily " + CREATE);
    }

    @Test
    void figuresPerUserMatchEachUsersRequests() {
        QueriesClient queries = queries();
        List<SeededRequest> list = of(inDays(SEEDED, WINDOW), LIST);
        Function<SeededRequest, String> user = r -> r.user() == null ? Dimension.NONE : r.user();
        assertCells(queries.byVersion(LIST, Dimension.USER, WINDOW), list, user, "users × versions of " + LIST);
        List<DimensionStats> boxes = queries.byValue(LIST, Dimension.USER, WINDOW);
        assertEquals(List.of(Dimension.NONE, "(team,7)", "alice", "bob"), boxes.stream().map(DimensionStats::value)
                .toList(), "every user and the requests without one, by name");
        assertBoxes(boxes, list, user, "users of " + LIST);
    }

    @Test
    void figuresPerIpMatchEachAddressesRequests() {
        QueriesClient queries = queries();
        List<SeededRequest> create = of(inDays(SEEDED, WINDOW), CREATE);
        assertCells(queries.byVersion(CREATE, Dimension.IP, WINDOW), create, SeededRequest::ip,
                "IPs × versions of " + CREATE);
        List<DimensionStats> boxes = queries.byValue(CREATE, Dimension.IP, WINDOW);
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "192.168.7.30", "2001:db8::7"), boxes.stream()
                .map(DimensionStats::value).toList(), "every address, by text");
        assertBoxes(boxes, create, SeededRequest::ip, "IPs of " + CREATE);
    }

    @Test
    void statusCodesAreCountedPerUtcDay() {
        QueriesClient queries = queries();
        assertEquals(List.of(new StatusHits(TRAFFIC.day(2), 404, 1), new StatusHits(TRAFFIC.day(4), 200, 3),
                new StatusHits(TRAFFIC.day(4), 500, 1), new StatusHits(TRAFFIC.day(4), 503, 1)),
                queries.statusCodes(NIGHTLY, WINDOW), "day 1's request is before the window's first day");
        List<StatusHits> expected = new ArrayList<>();
        group(of(inDays(SEEDED, WINDOW), CREATE), r -> utcDay(r.time())).forEach((day, requests) ->
                group(requests, SeededRequest::status).forEach((status, answered) ->
                        expected.add(new StatusHits(day, status, answered.size()))));
        assertEquals(expected, queries.statusCodes(CREATE, WINDOW), "per day, then status");
    }

    @Test
    void requestListWalksEveryRequestNewestFirstAcrossPagesThatSplitATiedMillisecond() {
        QueriesClient queries = queries();
        List<SeededRequest> create = of(SEEDED, CREATE);
        int size = (int) create.stream().filter(r -> r.time().isAfter(TRAFFIC.tieTime())).count() + 2;
        List<List<RequestRow>> pages = new ArrayList<>();
        RequestPage page = queries.requests(CREATE, null, null, size);
        while (true) {
            pages.add(page.requests());
            if (page.next() == null) {
                break;
            }
            assertEquals(size, page.requests().size(), "a page followed by another is full");
            assertEquals(RequestCursor.after(page.requests().get(size - 1)), page.next(), "the next page's cursor");
            page = queries.requests(CREATE, null, page.next(), size);
        }
        assertEquals((create.size() + size - 1) / size, pages.size(), "pages of " + size);
        assertEquals(List.of(TRAFFIC.tieTime(), TRAFFIC.tieTime(), TRAFFIC.tieTime()),
                List.of(pages.get(0).get(size - 2).timeRequested(), pages.get(0).get(size - 1).timeRequested(),
                        pages.get(1).get(0).timeRequested()), "the tied millisecond spans the first two pages");
        List<RequestRow> walked = pages.stream().flatMap(List::stream).toList();
        assertNewestFirstWithoutGapsOrRepeats(create, walked);
    }

    @Test
    void requestListPagesEndExactlyAtTheLastRequest() {
        QueriesClient queries = queries();
        List<SeededRequest> nightly = of(SEEDED, NIGHTLY);
        RequestPage whole = queries.requests(NIGHTLY, null, null, nightly.size());
        assertEquals(List.of(TRAFFIC.at(4, "23:00"), TRAFFIC.at(4, "22:59:59.999"), TRAFFIC.at(4, "19:00"),
                TRAFFIC.at(4, "18:45"), TRAFFIC.at(4, "18:10"), TRAFFIC.at(2, "00:00"), TRAFFIC.at(1, "23:59:59.999")),
                whole.requests().stream().map(RequestRow::timeRequested).toList(), "newest first");
        assertNull(whole.next(), "a page ending with the oldest request has no next one");
        RequestPage first = queries.requests(NIGHTLY, null, null, nightly.size() - 1);
        assertEquals(whole.requests().subList(0, nightly.size() - 1), first.requests());
        assertNotNull(first.next());
        RequestPage last = queries.requests(NIGHTLY, null, first.next(), nightly.size() - 1);
        assertEquals(whole.requests().subList(nightly.size() - 1, nightly.size()), last.requests());
        assertNull(last.next());
        HttpResponse<String> refused = queries.requestsResponse(NIGHTLY, null, null, 0);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("at least one"), refused.body());
    }

    @Test
    void requestListInAWindowHoldsTheRequestsFromItsFirstMillisecondToJustBeforeItsEnd() {
        QueriesClient queries = queries();
        TimeWindow window = new TimeWindow(TRAFFIC.at(3, "00:00"), TRAFFIC.tieTime());
        List<SeededRequest> inWindow = between(of(SEEDED, CREATE), window.from(), window.to());
        RequestPage page = queries.requests(CREATE, window, null, 1_000);
        assertNull(page.next());
        assertNewestFirstWithoutGapsOrRepeats(inWindow, page.requests());
        assertEquals(window.from(), page.requests().get(page.requests().size() - 1).timeRequested(),
                "the request at the window's first millisecond");
        assertEquals(page, queries.requests(CREATE, window.on(INSTANCE), null, 1_000), "all of this instance");
        assertEquals(List.of(), queries.requests(CREATE, window.on("another-instance"), null, 1_000).requests());
    }

    @Test
    void statusShowsEverySeededRequestWrittenAndNothingLost() {
        DashboardStatus status = queries().status();
        assertEquals(APP_VERSION, status.appVersion());
        assertEquals(INSTANCE, status.instance());
        assertEquals(DatabaseState.UP, status.database());
        assertEquals(0, status.queued());
        assertEquals(10_000, status.queueCapacity());
        assertEquals(SEEDED.size(), status.written());
        assertEquals(0, status.lost(), "dropped, rejected, lost details");
        assertEquals(List.of(INSTANCE + " " + APP_VERSION), status.instances().stream()
                .map(i -> i.name() + " " + i.version()).toList());
        InstanceInfo instance = status.instances().get(0);
        assertTrue(!instance.lastSeen().isBefore(instance.firstSeen()), instance.toString());
    }

    /** @return the window figures the overview shows, completed with the exact ones it does not show */
    private static RequestStats shown(EndpointSummary row, RequestStats exact) {
        return new RequestStats(row.windowHits(), row.clientErrors(), row.serverErrors(), exact.meanMs(),
                exact.p5Ms(), exact.p25Ms(), row.medianMs(), exact.p75Ms(), row.p90Ms(), exact.p95Ms(), row.p99Ms());
    }

    /** Seeds the requests on the first call; every call waits until the rollups count all of them. */
    private QueriesClient queries() {
        FmdClient client = new FmdClient(deployment, APPLICATION);
        QueriesClient queries = new QueriesClient(client, APPLICATION);
        synchronized (QueryServicesIT.class) {
            if (!seeded) {
                seeded = true;
                assertEquals(SEEDED.size(), queries.seed(SEEDED), "the queue took every request");
            }
        }
        client.awaitRollups(SEEDED.size());
        return queries;
    }

    private Map<String, Long> endpointIds() {
        return new FmdClient(deployment, APPLICATION).endpointRows().stream().collect(Collectors.toMap(
                row -> FmdClient.text(row, "name"), row -> (long) FmdClient.number(row, "id")));
    }

    /** A point per bucket (by time) and version (in the order they appeared), each with its requests' figures. */
    private static void assertSeries(List<SeriesPoint> points, List<SeededRequest> requests,
                                     Function<SeededRequest, Instant> bucket, String what) {
        assertPerKeyAndVersion(points, SeriesPoint::start, SeriesPoint::version, SeriesPoint::stats, requests, bucket,
                what + ", by time, then version");
    }

    /** A cell per value (by text) and version (in the order they appeared), each with its requests' figures. */
    private static void assertCells(List<DimensionStats> cells, List<SeededRequest> requests,
                                    Function<SeededRequest, String> value, String what) {
        assertPerKeyAndVersion(cells, DimensionStats::value, DimensionStats::version, DimensionStats::stats, requests,
                value, what + ", by value, then version");
    }

    /**
     * The figures read are one per key of the requests (in the keys' order) and version (in the order the versions
     * appeared), each those of its requests.
     */
    private static <T, K extends Comparable<? super K>> void assertPerKeyAndVersion(
            List<T> read, Function<T, K> keyRead, Function<T, String> versionRead, Function<T, RequestStats> statsRead,
            List<SeededRequest> requests, Function<SeededRequest, K> key, String what) {
        List<String> versionOrder = versionsInOrderOfAppearance(requests);
        List<List<Object>> keys = new ArrayList<>();
        List<RequestStats> stats = new ArrayList<>();
        group(requests, key).forEach((k, ofKey) -> byVersion(ofKey, versionOrder).forEach((version, served) -> {
            keys.add(List.of(k, version));
            stats.add(stats(served));
        }));
        assertEquals(keys, read.stream().map(r -> List.<Object>of(keyRead.apply(r), versionRead.apply(r))).toList(),
                what);
        for (int i = 0; i < keys.size(); i++) {
            assertStats(stats.get(i), statsRead.apply(read.get(i)), what + " " + keys.get(i));
        }
    }

    /** A box per value over every version, each with its requests' figures. */
    private static void assertBoxes(List<DimensionStats> boxes, List<SeededRequest> requests,
                                    Function<SeededRequest, String> value, String what) {
        assertEquals(List.copyOf(group(requests, value).keySet()), boxes.stream().map(DimensionStats::value)
                .toList(), what);
        boxes.forEach(box -> {
            assertNull(box.version(), what + ": over every version");
            assertStats(stats(only(requests, r -> value.apply(r).equals(box.value()))), box.stats(),
                    what + " " + box.value());
        });
    }

    /**
     * The rows are the requests, each once, as sent (duration, version, user, IP, status, exception, this
     * instance), newest first, and by id, newest first, among requests of the same millisecond.
     */
    private static void assertNewestFirstWithoutGapsOrRepeats(List<SeededRequest> requests, List<RequestRow> rows) {
        Map<RequestRow, Long> sent = requests.stream().collect(Collectors.groupingBy(
                r -> new RequestRow(0, r.time(), r.ms(), r.version(), r.user(), r.ip(), r.status(), r.exception(),
                        INSTANCE), Collectors.counting()));
        Map<RequestRow, Long> listed = rows.stream().collect(Collectors.groupingBy(
                r -> new RequestRow(0, r.timeRequested(), r.durationMs(), r.version(), r.groupBy(), r.ip(),
                        r.status(), r.exception(), r.instance()), Collectors.counting()));
        assertEquals(sent, listed, "every request once, as sent");
        for (int i = 1; i < rows.size(); i++) {
            RequestRow newer = rows.get(i - 1);
            RequestRow row = rows.get(i);
            assertTrue(row.timeRequested().isBefore(newer.timeRequested())
                    || row.timeRequested().equals(newer.timeRequested()) && row.id() < newer.id(),
                    "newest first, then by id: " + newer + " before " + row);
        }
    }
}
