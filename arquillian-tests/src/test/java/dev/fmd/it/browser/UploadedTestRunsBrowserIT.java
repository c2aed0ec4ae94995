package dev.fmd.it.browser;

import dev.fmd.config.Passwords;
import dev.fmd.it.support.Browser;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.fmd.it.browser.DashboardBrowserIT.loggedIn;
import static dev.fmd.it.browser.DashboardBrowserIT.waitFor;
import static dev.fmd.it.browser.ProfilerOutlierRulesBrowserIT.endpointId;
import static dev.fmd.it.browser.ProfilerOutlierRulesBrowserIT.open;
import static dev.fmd.it.browser.ProfilerOutlierRulesBrowserIT.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Testmonitor's pages in a real browser, on the sample with test traffic and two uploaded runs: requests tagged
 * as two tests ({@code X-Fmd-Test*} headers, as the JUnit 5 extension sends them) reach two endpoints, a request
 * with a forged tag (wrong token) a third; the runs are POSTed as raw JSON, the list test four times slower in the
 * second. The guest sees both runs and all tests, the slower one flagged first, the trend chart, the selected test's
 * endpoint; an endpoint's Tests tab lists the tests that reached it (not the forged one); the overview names the
 * endpoints no test reached. Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadedTestRunsBrowserIT {

    static final String ADMIN_PASSWORD = "testmonitor-admin-secret";
    static final String GUEST_PASSWORD = "testmonitor-guest-secret";
    static final String UPLOAD_TOKEN = "testmonitor-upload-token-0123456789";
    static final String LIST_TEST = "com.acme.shop.ProductsIT#listsProducts";
    static final String GET_TEST = "com.acme.shop.ProductsIT#getsOneProduct";
    static final String FAILING_TEST = "com.acme.shop.ReportsIT#salesReport";
    static final String LIST = "ProductResource.list";
    static final String GET = "ProductResource.get";
    static final String SALES = "ReportResource.sales";
    /** tagged requests per test and run */
    static final int CALLS = 3;

    @ArquillianResource
    private URL deployment;

    private static boolean seeded;

    @Deployment(testable = false)
    static WebArchive sample() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fmd.app-version", "2.0");
        config.put("fmd.password", ADMIN_PASSWORD);
        config.put("fmd.guest-password", Passwords.hash(GUEST_PASSWORD));
        config.put("fmd.testmonitor-token", UPLOAD_TOKEN);
        return TestWars.configured(TestWars.sample(), config, TestWars.uniquePrefix());
    }

    /**
     * Once: every endpoint called (so that they exist), then two runs: each test's tagged requests, then the run's
     * upload, the list test 10 ms in the first and 40 ms in the second, the report test failing in the second.
     */
    private FmdClient seed() {
        FmdClient client = new FmdClient(deployment, "api");
        if (!seeded) {
            assertEquals(200, client.get("api/products").statusCode());
            assertEquals(200, client.get("api/products/1").statusCode());
            assertEquals(200, client.get("api/reports/sales?ms=1").statusCode());
            client.awaitEndpointRows(rows -> rows.stream().map(r -> FmdClient.text(r, "name"))
                    .filter(n -> n.equals(LIST) || n.equals(GET) || n.equals(SALES)).count() == 3);
            Instant started = Instant.now().minusSeconds(600);
            for (int run = 1; run <= 2; run++) {
                String key = "it-" + run + "-" + UUID.randomUUID();
                for (int i = 0; i < CALLS; i++) {
                    assertEquals(200, tagged(client, "api/products", LIST_TEST, key, UPLOAD_TOKEN).statusCode());
                    assertEquals(200, tagged(client, "api/products/1", GET_TEST, key, UPLOAD_TOKEN).statusCode());
                    assertEquals(200, tagged(client, "api/reports/sales?ms=1", FAILING_TEST, key, "forged-token")
                            .statusCode());
                }
                String list = run == 1 ? "[10.0, 11.0, 10.0, 12.0, 10.0]" : "[40.0, 42.0, 41.0, 40.0, 43.0]";
                String report = run == 1 ? "\"passed\", \"durationsMs\": [3, 4, 3, 3, 3]"
                        : "\"failed\", \"durationsMs\": [3, 4, 3, 3, 3], \"failures\": 2, "
                        + "\"message\": \"expected 200 but was 500\"";
                String body = "{\"run\": \"" + key + "\", \"build\": \"10" + run + "\", \"appVersion\": \"1." + run
                        + "\", \"startedAt\": \"" + started.plusSeconds(run * 60L) + "\", \"times\": 5, "
                        + "\"source\": \"junit5\", \"tests\": ["
                        + "{\"name\": \"" + LIST_TEST + "\", \"outcome\": \"passed\", \"durationsMs\": " + list + "},"
                        + "{\"name\": \"" + GET_TEST + "\", \"outcome\": \"passed\", "
                        + "\"durationsMs\": [5.0, 6.0, 5.0, 5.0, 5.5]},"
                        + "{\"name\": \"" + FAILING_TEST + "\", \"outcome\": " + report + "}]}";
                HttpResponse<String> upload = client.postBody("fmd/api/test-runs", "application/json",
                        body.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + UPLOAD_TOKEN);
                assertEquals(201, upload.statusCode(), upload.body());
                FmdClient.sleep(1100); // the second run is uploaded later, whatever the clock's resolution
            }
            seeded = true;
        }
        return client;
    }

    private static HttpResponse<String> tagged(FmdClient client, String path, String test, String run, String token) {
        return client.get(path, "X-Fmd-Test", test, "X-Fmd-Test-Run", run, "X-Fmd-Test-Token", token);
    }

    @Test
    @Order(1)
    void theGuestSeesBothRunsAndEveryTestTheSlowerOneFlaggedFirst() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/index.xhtml"), By.id("menu-testmonitor"));
            driver.findElement(By.id("menu-testmonitor")).click();
            waitFor(browser).until(d -> !d.findElements(By.cssSelector("#trend canvas")).isEmpty());
            assertTrue(driver.findElements(By.id("problem")).isEmpty());
            List<WebElement> runs = driver.findElements(By.cssSelector("#test-runs tbody tr"));
            assertEquals(2, runs.size());
            assertEquals("#102", runs.get(0).findElement(By.cssSelector(".build")).getText(), "newest first");
            assertEquals("1.2", runs.get(0).findElement(By.cssSelector(".version")).getText());
            assertEquals("1", runs.get(0).findElement(By.cssSelector(".failed")).getText());
            assertEquals("#101", runs.get(1).findElement(By.cssSelector(".build")).getText());

            List<WebElement> tests = driver.findElements(By.cssSelector("#tests tbody tr"));
            assertEquals(List.of("ProductsIT#listsProducts", "ReportsIT#salesReport", "ProductsIT#getsOneProduct"),
                    tests.stream().map(r -> r.findElement(By.cssSelector("a.test-link")).getText()).toList(),
                    "slower first, then failing, then the rest");
            assertEquals(LIST_TEST, tests.get(0).findElement(By.cssSelector("a.test-link")).getAttribute("title"));
            assertEquals(1, driver.findElements(By.cssSelector("#tests .fmd-slower")).size());
            assertTrue(tests.get(0).findElement(By.cssSelector(".fmd-slower")).getText().startsWith("slower +"));
            assertEquals("41.0", tests.get(0).findElement(By.cssSelector(".median")).getText());
            assertEquals("10.0", tests.get(0).findElement(By.cssSelector(".before")).getText(),
                    "the median of the runs before");
            assertEquals("failed 2/5", tests.get(1).findElement(By.cssSelector(".outcome")).getText());
            assertEquals("2", tests.get(2).findElement(By.cssSelector(".runs")).getText());
            assertEquals("1", driver.findElement(By.id("slower-count")).getText());
            assertEquals("1", driver.findElement(By.id("failed-count")).getText());

            assertEquals("[\"#101\",\"#102\"]", script(browser,
                    "return JSON.stringify(chart('#trend').getOption().xAxis[0].data);"));
            assertEquals("[\"ProductsIT#listsProducts\",\"ProductsIT#getsOneProduct\",\"ReportsIT#salesReport\"]",
                    script(browser, "return JSON.stringify(chart('#trend').getOption().series.map(s => s.name));"),
                    "the slowest tests of the last run, slowest first");
            assertEquals("[10,41]", script(browser,
                    "return JSON.stringify(chart('#trend').getOption().series[0].data);"));
            script(browser, "chart('#trend').dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 1});");
            waitFor(browser).until(d -> d.findElements(By.cssSelector(".fmd-tooltip")).stream()
                    .anyMatch(t -> t.getText().contains("app version 1.2")));
            browser.screenshot("testmonitor-guest");
        }
    }

    @Test
    @Order(2)
    void clickingATestShowsItsTrendAndTheEndpointItReached() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/testmonitor.xhtml"), By.cssSelector("#tests a.test-link"));
            driver.findElement(By.linkText("ProductsIT#listsProducts")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("selected-name")).isEmpty());
            assertTrue(driver.getCurrentUrl().contains("test=" + URLEncoder.encode(LIST_TEST, StandardCharsets.UTF_8)));
            assertEquals(LIST_TEST, driver.findElement(By.id("selected-name")).getText());
            assertEquals(List.of("#102 1.2 41.0", "#101 1.1 10.0"), driver.findElements(
                    By.cssSelector("#test-history tbody tr")).stream().map(r -> r.findElement(By.cssSelector(
                    ".fmd-when")).getText() + " " + r.findElement(By.cssSelector(".version")).getText() + " "
                    + r.findElement(By.cssSelector(".median")).getText()).toList(), "its runs, newest first");
            // the writer adds tagged requests up off the request thread: reload until they are there
            waitFor(browser).withTimeout(Duration.ofSeconds(30)).until(d -> {
                if (d.findElements(By.id("test-endpoints")).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            });
            List<WebElement> endpoints = driver.findElements(By.cssSelector("#test-endpoints tbody tr"));
            assertEquals(1, endpoints.size());
            assertEquals(LIST, endpoints.get(0).findElement(By.cssSelector("a.endpoint-link")).getText());
            assertEquals(String.valueOf(2 * CALLS), endpoints.get(0).findElement(By.cssSelector(".hits")).getText(),
                    "the test's requests of both runs");
            assertEquals("[\"ProductsIT#listsProducts\"]", script(browser,
                    "return JSON.stringify(chart('#trend').getOption().series.map(s => s.name));"));
            assertTrue(driver.findElement(By.cssSelector("#tests tr.fmd-selected a.test-link")).getText()
                    .equals("ProductsIT#listsProducts"));
            assertEquals(1, driver.findElements(By.cssSelector("#tests .fmd-slower")).size(),
                    "with a test selected, still only the slower test is flagged");
            browser.screenshot("testmonitor-selected-test");
            endpoints.get(0).findElement(By.cssSelector("a.endpoint-link")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("tab-tests")).isEmpty());
            assertEquals(LIST, driver.findElement(By.tagName("h1")).getText());
        }
    }

    @Test
    @Order(3)
    void anEndpointsTestsTabListsTheTestsThatReachedItAndNoForgedOne() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/endpoint.xhtml?id=" + endpointId(client, GET)),
                    By.id("tab-tests"));
            driver.findElement(By.id("tab-tests")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("endpoint-tests")).isEmpty()
                    || !d.findElements(By.id("no-tests")).isEmpty());
            List<WebElement> tests = driver.findElements(By.cssSelector("#endpoint-tests tbody tr"));
            assertEquals(List.of("ProductsIT#getsOneProduct"),
                    tests.stream().map(r -> r.findElement(By.cssSelector("a.test-link")).getText()).toList());
            assertEquals(String.valueOf(2 * CALLS), tests.get(0).findElement(By.cssSelector(".hits")).getText());
            assertEquals("2", tests.get(0).findElement(By.cssSelector(".runs")).getText());
            assertEquals("5.00", tests.get(0).findElement(By.cssSelector(".median")).getText(),
                    "the test's median in its newest run");
            assertTrue(driver.findElement(By.id("tab-tests")).getAttribute("class").contains("active"));
            browser.screenshot("endpoint-tests");

            open(browser, client.url("fmd/endpoint-tests.xhtml?id=" + endpointId(client, SALES)), By.id("no-tests"));
            assertTrue(driver.findElement(By.id("no-tests")).getText()
                    .contains("No test reached this endpoint in this window"), "the forged tag was not believed");
            browser.screenshot("endpoint-tests-none");
        }
    }

    @Test
    @Order(4)
    void theOverviewCountsTestsPerEndpointAndNamesTheUncoveredOnes() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/index.xhtml"), By.id("uncovered"));
            List<String> uncovered = driver.findElements(By.cssSelector("#uncovered a.uncovered-link")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(uncovered.contains(SALES), uncovered.toString());
            assertFalse(uncovered.contains(LIST) || uncovered.contains(GET), uncovered.toString());
            assertEquals(client.endpointRows().size() - 2, uncovered.size(), uncovered.toString());
            Map<String, String> counts = new LinkedHashMap<>();
            for (WebElement row : driver.findElements(By.cssSelector("#overview\\:endpoints tbody tr"))) {
                counts.put(row.findElement(By.cssSelector("a.endpoint-link")).getText(),
                        row.findElement(By.cssSelector("td.tests")).getText());
            }
            assertEquals("1", counts.get(LIST));
            assertEquals("1", counts.get(GET));
            assertEquals("0", counts.get(SALES));
            browser.screenshot("overview-tests");
            driver.findElement(By.linkText(SALES)).click();
            waitFor(browser).until(d -> d.findElement(By.tagName("h1")).getText().equals(SALES));
        }
    }

    @Test
    @Order(5)
    void aWindowWithoutRunsSaysHowToUploadAndTheOverviewHasNoTestColumn() throws Exception {
        FmdClient client = seed();
        String before = "w=custom&from=2026-01-01T00:00&to=2026-01-02T00:00";
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/testmonitor.xhtml?" + before), By.id("no-runs"));
            String text = driver.findElement(By.id("no-runs")).getText();
            assertTrue(text.contains("fmd.testmonitor-token") && text.contains("Testmonitor"), text);
            assertFalse(driver.findElements(By.id("uploads-on")).isEmpty(), "the token is set on this server");
            assertTrue(driver.findElements(By.id("tests")).isEmpty());
            browser.screenshot("testmonitor-empty");
            open(browser, client.url("fmd/index.xhtml?" + before), By.id("overview:endpoints"));
            assertTrue(driver.findElements(By.id("uncovered")).isEmpty());
            assertTrue(driver.findElements(By.cssSelector("#overview\\:endpoints td.tests")).isEmpty());
        }
    }
}
