package dev.fmd.example.check;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after the example suite (the failsafe execution {@code suite}) has run with the Testmonitor and uploaded its
 * results to the sample: the dashboard shows that one run, each of the suite's tests with its five repetitions, and
 * for each of the shop's endpoints exactly the tests whose HTTP calls reached it (the overview names the endpoints
 * no test reached). The expectations are those of the suite's code in {@code dev.fmd.example.shop}.
 */
class DashboardShowsTheSuiteIT {

    private static final String SHOP = "dev.fmd.example.shop.";
    private static final String LIST = SHOP + "CatalogApiIT#listsEveryProduct";
    private static final String FIND = SHOP + "CatalogApiIT#findsAProductById";
    private static final String UNKNOWN = SHOP + "CatalogApiIT#answers404ForAnUnknownProduct";
    private static final String ORDER = SHOP + "OrderApiIT#ordersAProductInStock";
    private static final String OUT_OF_STOCK = SHOP + "OrderApiIT#refusesAnOrderWhenOutOfStock";
    private static final String SALES = SHOP + "ReportApiIT#salesReportTakesItsTime";

    /** Which tests reach each endpoint, as the suite's code says; the endpoints missing here no test reaches. */
    private static final Map<String, Set<String>> COVERAGE = Map.of(
            "ProductResource.list", Set.of(LIST),
            "ProductResource.get", Set.of(FIND, UNKNOWN, ORDER),
            "OrderResource.order", Set.of(ORDER, OUT_OF_STOCK),
            "ReportResource.sales", Set.of(SALES));
    private static final Set<String> UNCOVERED = Set.of("ProductResource.add", "OrderResource.giftWrap",
            "ReportResource.primes", "ReportResource.forecast");

    private static Dashboard dashboard;

    @BeforeAll
    static void logIn() {
        dashboard = new Dashboard(System.getProperty("shop.url")).login(System.getProperty("example.password"));
    }

    @Test
    void theTestmonitorListsTheRunAndEveryTestWithItsRepetitions() {
        String page = dashboard.page("testmonitor.xhtml?w=24h");
        assertEquals(List.of("1"), Dashboard.all(page, "id=\"run-count\">(\\d+)<"), "one run uploaded");
        assertEquals(List.of("6"), Dashboard.all(page, "id=\"test-count\">(\\d+)<"), "the suite's six tests");
        Set<String> names = new TreeSet<>(Dashboard.all(page, "class=\"fmd-nav test-link\" href=\"[^\"]*\" "
                + "title=\"([^\"]+)\""));
        assertEquals(new TreeSet<>(Set.of(LIST, FIND, UNKNOWN, ORDER, OUT_OF_STOCK, SALES)), names);
        List<String> repetitions = Dashboard.all(page, "<td class=\"fmd-durations\"[^>]*>([^<]*)</td>");
        assertEquals(6, repetitions.size(), page);
        for (String each : repetitions) {
            assertEquals(5, each.split("·").length, "each test ran five times: " + each);
        }
        assertEquals(6, Dashboard.all(page, "class=\"(outcome fmd-outcome-passed)\"").size(), "every test passed");
    }

    @Test
    void eachEndpointListsExactlyTheTestsThatReachedIt() throws InterruptedException {
        Map<String, Long> endpoints = dashboard.endpoints(System.getProperty("example.admin-token"));
        assertTrue(endpoints.keySet().containsAll(COVERAGE.keySet()), endpoints.toString());
        for (Map.Entry<String, Set<String>> endpoint : COVERAGE.entrySet()) {
            String page = awaitCoverage(endpoints.get(endpoint.getKey()), endpoint.getValue().size());
            assertEquals(new TreeSet<>(endpoint.getValue()), new TreeSet<>(Dashboard.all(page,
                    "class=\"fmd-nav test-link\" href=\"[^\"]*\" title=\"([^\"]+)\"")), endpoint.getKey());
            for (String hits : Dashboard.all(page, "<td class=\"fmd-num hits\">([^<]*)</td>")) {
                assertEquals("5", hits, endpoint.getKey() + ": one request per repetition of each test");
            }
        }
        for (String uncovered : UNCOVERED) {
            String page = dashboard.page("endpoint-tests.xhtml?w=24h&id=" + endpoints.get(uncovered));
            assertTrue(page.contains("id=\"no-tests\""), uncovered + " is reached by no test");
        }
        String overview = dashboard.page("index.xhtml?w=24h");
        assertEquals(new TreeSet<>(UNCOVERED), new TreeSet<>(Dashboard.all(overview,
                "class=\"fmd-nav uncovered-link\" href=\"[^\"]*\" title=\"[^\"]*\">([^<]+)</a>")));
    }

    /** The writer adds up the tests' requests within a second or so; the upload came at the end of the suite. */
    private static String awaitCoverage(long endpointId, int tests) throws InterruptedException {
        String page = "";
        for (int attempt = 0; attempt < 60; attempt++) {
            page = dashboard.page("endpoint-tests.xhtml?w=24h&id=" + endpointId);
            if (Dashboard.all(page, "class=\"fmd-nav test-link\" href=\"[^\"]*\" title=\"([^\"]+)\"").size()
                    >= tests) {
                return page;
            }
            Thread.sleep(500);
        }
        return page;
    }
}
