package dev.fmd.it;

import dev.fmd.it.queries.ShopApplication;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.ProfilesClient;
import dev.fmd.it.support.ProfilesProbe;
import dev.fmd.it.support.SeededProfiles;
import dev.fmd.it.support.TestWars;
import dev.fmd.profiler.GroupedLine;
import dev.fmd.query.OutlierDetails;
import dev.fmd.query.OutlierPage;
import dev.fmd.query.OutlierSummary;
import dev.fmd.query.ProfiledPage;
import dev.fmd.query.ProfiledRequest;
import dev.fmd.query.ProfiledVersion;
import dev.fmd.query.TimeWindow;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.fmd.it.support.SeededProfiles.GROUPED_ALL;
import static dev.fmd.it.support.SeededProfiles.GROUPED_V2;
import static dev.fmd.it.support.SeededProfiles.MARKUP;
import static dev.fmd.it.support.SeededProfiles.NODE_A;
import static dev.fmd.it.support.SeededProfiles.NODE_B;
import static dev.fmd.it.support.SeededProfiles.OTHER_ROOT;
import static dev.fmd.it.support.SeededProfiles.ROOT;
import static dev.fmd.it.support.SeededProfiles.V1;
import static dev.fmd.it.support.SeededProfiles.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profiler's and the outlier pages' queries ({@code ProfileQueries}, {@code OutlierQueries}) inside a WAR on
 * Payara Micro, on this run's database, against {@link SeededProfiles}' known trees and outliers: inserted as rows by
 * the WAR's {@code ProfilesProbe}, read back through the beans the pages inject, compared with figures stated by hand.
 */
@ExtendWith(ArquillianExtension.class)
class ProfileAndOutlierQueriesIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String APPLICATION = "shop";
    /** the profiled endpoint P and the other one Q */
    private static final String P = "OrderResource.list";
    private static final String Q = "ItemResource.list";
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
    private static final SeededProfiles SEEDED = new SeededProfiles(BASE);
    private static final TimeWindow ALL = new TimeWindow(BASE, BASE.plus(Duration.ofDays(1)));

    private static boolean seeded;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive shop() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "shop.war")
                .addPackage(ShopApplication.class.getPackage())
                .addClasses(ProfilesProbe.class, SeededProfiles.class);
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.instance", "profiles-it"), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    @Test
    void groupedMergesTheNewestProfiledTreesByCallPathPerVersionWindowAndInstance() {
        ProfilesClient profiles = profiles();
        assertGrouped(GROUPED_ALL, profiles.grouped(P, ALL, null, 100), "every version");
        assertGrouped(GROUPED_V2, profiles.grouped(P, ALL, V2, 100), "version 2.0 only");
        assertGrouped(GROUPED_V2, profiles.grouped(P, ALL, null, 3), "the newest three are those of 2.0");
        assertGrouped(GROUPED_ALL, profiles.grouped(P, null, null, 100), "no window: every request");
        List<GroupedLine> v1 = profiles.grouped(P, ALL, V1, 100);
        assertEquals(List.of(3, 350.0), List.of(v1.get(0).hits(), v1.get(0).totalMs()), "root of 1.0: " + v1);
        List<GroupedLine> nodeA = profiles.grouped(P, ALL.span(SEEDED.at(1), SEEDED.at(4)).on(NODE_A), null, 100);
        assertEquals(List.of(2, 150.0), List.of(nodeA.get(0).hits(), nodeA.get(0).totalMs()),
                "-101 and -103 only: " + nodeA);
        assertEquals(List.of(), profiles.grouped(P, ALL.span(SEEDED.at(7), SEEDED.at(9)), null, 100),
                "nothing profiled in the window");
        List<GroupedLine> other = profiles.grouped(Q, ALL, null, 100);
        assertEquals(List.of(OTHER_ROOT, 1, 90.0), List.of(other.get(0).codeLine(), other.get(0).hits(),
                other.get(0).totalMs()), "Q's own tree only: " + other);
    }

    @Test
    void profiledRequestsArePagedByKeyNewestFirstWithinTheWindowAndInstance() {
        ProfilesClient profiles = profiles();
        List<Long> seen = new ArrayList<>();
        List<List<Long>> pages = new ArrayList<>();
        ProfiledPage page = profiles.profiledRequests(P, ALL, null, 2);
        while (true) {
            List<Long> ids = ids(page);
            pages.add(ids);
            seen.addAll(ids);
            if (page.next() == null) {
                break;
            }
            page = profiles.profiledRequests(P, ALL, page.next(), 2);
        }
        assertEquals(List.of(List.of(-105L, -106L), List.of(-104L, -103L), List.of(-102L, -101L)), pages,
                "pages of two, each continuing the last, the tie at hour 5 broken by the id");
        ProfiledPage first = profiles.profiledRequests(P, ALL, null, 1);
        assertEquals(List.of(-105L), ids(first));
        assertEquals(List.of(-106L), ids(profiles.profiledRequests(P, ALL, first.next(), 1)),
                "the next page after a tie starts with the request of the same time and a lower id");
        assertEquals(List.of(-104L, -103L, -102L),
                ids(profiles.profiledRequests(P, ALL.span(SEEDED.at(2), SEEDED.at(5)), null, 10)), "window");
        assertEquals(List.of(-104L, -103L),
                ids(profiles.profiledRequests(P, ALL.span(SEEDED.at(2), SEEDED.at(5)).on(NODE_A), null, 10)),
                "window of node-a");
        assertEquals(List.of(-109L), ids(profiles.profiledRequests(Q, null, null, 10)), "Q's own");
        assertNull(profiles.profiledRequests(P, ALL, null, 6).next(), "no next page after the last request");
        assertEquals(expected(-102, -201L), profiles.profiledRequests(P, ALL, null, 6).requests().get(4),
                "every figure of a request, with its outlier");
    }

    @Test
    void slowestProfiledAreTheLongestOfTheWindowFirst() {
        ProfilesClient profiles = profiles();
        assertEquals(List.of(-102L, -105L, -101L), idsOf(profiles.slowestProfiled(P, ALL, 3)));
        assertEquals(List.of(-105L, -104L, -103L, -106L),
                idsOf(profiles.slowestProfiled(P, ALL.span(SEEDED.at(3), SEEDED.at(7)), 10)),
                "only the profiled ones of the window (not the 300 ms one without a tree)");
        assertEquals(List.of(-102L, -105L), idsOf(profiles.slowestProfiled(P, ALL.on(NODE_B), 10)), "node-b");
    }

    @Test
    void aRequestIsProfiledWhenItsTreeIsStoredAndItsTreeComesInPreOrder() {
        ProfilesClient profiles = profiles();
        assertEquals(Optional.of(expected(-101, null)), profiles.profiledRequest(-101));
        assertEquals(Optional.of(expected(-102, -201L)), profiles.profiledRequest(-102), "linked to its outlier");
        assertEquals(Optional.empty(), profiles.profiledRequest(-107), "a request without a tree");
        assertEquals(Optional.empty(), profiles.profiledRequest(-99_999), "no such request");
        assertEquals(SEEDED.request(-101).tree(), profiles.tree(-101));
        assertEquals(SEEDED.request(-103).tree(), profiles.tree(-103), "with the constructor of a nested class");
        assertEquals(ROOT, profiles.tree(-106).get(0).codeLine());
        assertEquals(List.of(), profiles.tree(-107), "not profiled");
    }

    @Test
    void profiledVersionsCountTheProfiledRequestsOfEachVersionNewestFirst() {
        ProfilesClient profiles = profiles();
        assertEquals(List.of(new ProfiledVersion(V2, 3, SEEDED.at(4), SEEDED.at(5)),
                        new ProfiledVersion(V1, 3, SEEDED.at(1), SEEDED.at(3))), profiles.profiledVersions(P, ALL),
                "1.0's request at 4:30 has no tree: it neither counts nor makes 1.0 the newest");
        assertEquals(List.of(new ProfiledVersion(V2, 1, SEEDED.at(4), SEEDED.at(4)),
                        new ProfiledVersion(V1, 1, SEEDED.at(3), SEEDED.at(3))),
                profiles.profiledVersions(P, ALL.span(SEEDED.at(3), SEEDED.at(5)).on(NODE_A)));
        assertEquals(List.of(), profiles.profiledVersions(P, ALL.span(SEEDED.at(7), SEEDED.at(8))));
    }

    @Test
    void outliersOfAnEndpointAndOfTheAppComeNewestFirstWithTheirRequestAndAverage() {
        ProfilesClient profiles = profiles();
        Map<String, Long> ids = endpointIds();
        long p = ids.get(P);
        long q = ids.get(Q);
        OutlierSummary o201 = new OutlierSummary(-201, -102, p, P, SEEDED.at(2), 200, 40, 200, true);
        OutlierSummary o202 = new OutlierSummary(-202, -107, p, P, SEEDED.at(6), 300, Double.NaN, 500, false);
        OutlierSummary o203 = new OutlierSummary(-203, -109, q, Q, SEEDED.at(2).plus(Duration.ofMinutes(30)), 90, 20,
                201, true);
        OutlierSummary o204 = new OutlierSummary(-204, -110, q, Q, SEEDED.at(6), 400, 100, 200, false);
        assertEquals(new OutlierPage(List.of(o202, o201), null), profiles.outliers(P, ALL, null, 10));
        OutlierPage first = profiles.outliers(null, ALL, null, 2);
        assertEquals(List.of(o202, o204), first.outliers(), "the app's, the tie at hour 6 broken by request id");
        assertEquals(new OutlierPage(List.of(o203, o201), null), profiles.outliers(null, ALL, first.next(), 2),
                "the second page continues the first");
        assertEquals(List.of(o204, o201),
                profiles.outliers(null, ALL.span(SEEDED.at(2), SEEDED.at(7)).on(NODE_B), null, 10).outliers(),
                "window of node-b");
        assertEquals(List.of(o202, o204, o203, o201), profiles.outliers(null, null, null, 10).outliers(),
                "no window");
        assertEquals(5.0, o201.timesAverage());
        assertEquals(4.5, o203.timesAverage());
        assertTrue(Double.isNaN(o202.timesAverage()), "no average stored: not known");
        assertEquals(List.of(o204, o202, o201, o203), profiles.slowestOutliers(null, ALL, 10));
        assertEquals(List.of(o202), profiles.slowestOutliers(P, ALL, 1));
        assertEquals(List.of(o201), profiles.slowestOutliers(P, ALL.span(SEEDED.at(0), SEEDED.at(5)), 10));
    }

    @Test
    void anOutlierComesWithItsContextAsStored() {
        ProfilesClient profiles = profiles();
        Map<String, Long> ids = endpointIds();
        assertEquals(Optional.of(new OutlierDetails(
                new OutlierSummary(-201, -102, ids.get(P), P, SEEDED.at(2), 200, 40, 200, true),
                "at com.example.shop.OrderRepository.find(OrderRepository.java:42)\n" + MARKUP, 37.5, 300L << 20,
                1024L << 20, "https://shop.example.com/shop/orders", "page=2\nsort=<date>\n", "",
                "Accept: text/html\nX-Token: [redacted]\n", "server: app-1:8080\n")), profiles.outlier(-201));
        OutlierDetails old = profiles.outlier(-202).orElseThrow();
        assertEquals(List.of(-1.0, "note=" + MARKUP + "\n"), List.of(old.cpuPercent(), old.formParams()),
                "markup comes back as stored, for the page to escape");
        assertTrue(Double.isNaN(old.summary().averageMs()));
        assertEquals(Optional.empty(), profiles.outlier(-99_999), "no such outlier");
    }

    private ProfiledRequest expected(long id, Long outlierId) {
        SeededProfiles.Request r = SEEDED.request(id);
        return new ProfiledRequest(id, endpointIds().get(r.onP() ? P : Q), r.time(), r.ms(), r.version(),
                r.groupBy(), r.status(), outlierId);
    }

    private static void assertGrouped(List<GroupedLine> expected, List<GroupedLine> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            GroupedLine e = expected.get(i);
            GroupedLine a = actual.get(i);
            String line = what + ", line " + i + ": " + a;
            assertEquals(List.of(e.indent(), e.codeLine(), e.hits()), List.of(a.indent(), a.codeLine(), a.hits()),
                    line);
            assertEquals(e.totalMs(), a.totalMs(), 1e-9, line + " total");
            assertEquals(e.meanMs(), a.meanMs(), 1e-9, line + " mean");
            assertEquals(e.stdDevMs(), a.stdDevMs(), 1e-6, line + " standard deviation");
            assertEquals(e.share(), a.share(), 1e-9, line + " share");
        }
    }

    private static List<Long> ids(ProfiledPage page) {
        return idsOf(page.requests());
    }

    private static List<Long> idsOf(List<ProfiledRequest> requests) {
        return requests.stream().map(ProfiledRequest::requestId).toList();
    }

    private Map<String, Long> endpointIds() {
        return new FmdClient(deployment, APPLICATION).endpointRows().stream().collect(Collectors.toMap(
                row -> FmdClient.text(row, "name"), row -> (long) FmdClient.number(row, "id")));
    }

    /** Seeds the rows on the first call, once fmd has written its endpoints (so its tables are there). */
    private ProfilesClient profiles() {
        FmdClient client = new FmdClient(deployment, APPLICATION);
        ProfilesClient profiles = new ProfilesClient(client, APPLICATION);
        synchronized (ProfileAndOutlierQueriesIT.class) {
            if (!seeded) {
                client.awaitEndpointRows(rows -> rows.stream().map(r -> FmdClient.text(r, "name")).toList()
                        .containsAll(List.of(P, Q)));
                profiles.seed(BASE, P, Q);
                seeded = true;
            }
        }
        return profiles;
    }
}
