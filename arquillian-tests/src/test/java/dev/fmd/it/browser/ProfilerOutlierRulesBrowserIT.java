package dev.fmd.it.browser;

import dev.fmd.config.Passwords;
import dev.fmd.it.support.Browser;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.ProfilesClient;
import dev.fmd.it.support.ProfilesProbe;
import dev.fmd.it.support.SeededProfiles;
import dev.fmd.it.support.TestWars;
import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.StackLine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.openqa.selenium.interactions.Actions;

import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.fmd.it.browser.DashboardBrowserIT.loggedIn;
import static dev.fmd.it.browser.DashboardBrowserIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profiler, grouped profile, outlier and rules pages in a real browser, on the sample with known call trees and
 * outliers seeded ({@link SeededProfiles}: ProductResource.list is its endpoint P, ProductResource.get its Q): every
 * page as admin and as guest, the three clicks from the overview to the slowest request's call tree, folding a
 * tree, the sunburst's and the flame graph's data against the seeded tree, a click zooming the flame graph, two
 * versions side by side, an outlier's context shown escaped with a link to its tree, and levels changed by the admin
 * and refused to the guest (403). Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfilerOutlierRulesBrowserIT {

    static final String ADMIN_PASSWORD = "profiler-admin-secret";
    static final String GUEST_PASSWORD = "profiler-guest-secret";
    static final String TOKEN = "profiler-test-admin-token-0123456789";
    static final String P = "ProductResource.list";
    static final String Q = "ProductResource.get";
    /** the seeded hours start 12 hours ago: all of them are in the default window (7 days) */
    static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
    static final SeededProfiles SEEDED = new SeededProfiles(BASE);

    @ArquillianResource
    private URL deployment;

    private static boolean seeded;

    @Deployment(testable = false)
    static WebArchive sample() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fmd.app-version", SeededProfiles.V2);
        config.put("fmd.password", ADMIN_PASSWORD);
        config.put("fmd.guest-password", Passwords.hash(GUEST_PASSWORD));
        config.put("fmd.admin-token", TOKEN);
        return TestWars.configured(TestWars.sample(), config, "fmd_", Database.DEFAULT)
                .addClasses(ProfilesProbe.class, SeededProfiles.class);
    }

    /** Calls each endpoint once, so that they exist, and seeds the known trees and outliers, once. */
    private FmdClient seed() {
        FmdClient client = new FmdClient(deployment, "api");
        if (!seeded) {
            assertEquals(200, client.get("api/products").statusCode());
            assertEquals(200, client.get("api/products/1").statusCode());
            assertEquals(200, client.get("api/reports/sales?ms=1").statusCode());
            client.awaitEndpointRows(rows -> rows.stream().filter(r -> FmdClient.text(r, "name").equals(P)
                    || FmdClient.text(r, "name").equals(Q)).count() == 2);
            new ProfilesClient(client, "api").seed(BASE, P, Q);
            seeded = true;
        }
        return client;
    }

    @Test
    @Order(1)
    void strangerGetsTheLoginFormOnEveryNewPage() {
        FmdClient client = seed();
        try (Browser browser = new Browser()) {
            for (String page : List.of("profiler.xhtml", "grouped.xhtml?id=1", "outliers.xhtml", "rules.xhtml")) {
                browser.driver().get(client.url("fmd/" + page));
                waitFor(browser).until(d -> !d.findElements(By.name("password")).isEmpty());
                assertFalse(browser.driver().getPageSource().contains("ProductResource"), page + " shows data");
            }
        }
    }

    @Test
    @Order(2)
    void adminAndGuestOpenEveryNewPage() throws Exception {
        FmdClient client = seed();
        long p = endpointId(client, P);
        for (String[] user : List.of(new String[] {"admin", ADMIN_PASSWORD}, new String[] {"guest", GUEST_PASSWORD})) {
            try (Browser browser = loggedIn(client, user[0], user[1])) {
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("profiler.xhtml", "endpoint-list");
                pages.put("profiler.xhtml?id=" + p, "call-tree");
                pages.put("grouped.xhtml?id=" + p, "profile-tree");
                pages.put("outliers.xhtml", "outlier-rows");
                pages.put("outliers.xhtml?id=" + p, "outlier-rows");
                pages.put("rules.xhtml", "rules-table");
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.driver().get(client.url("fmd/" + page.getKey()));
                    waitFor(browser).until(d -> !d.findElements(By.id(page.getValue())).isEmpty());
                    assertTrue(browser.driver().findElements(By.id("problem")).isEmpty(), page.getKey());
                    assertEquals(user[0].equals("guest"), !browser.driver().findElements(By.id("read-only")).isEmpty());
                    browser.screenshot(user[0] + "-" + page.getKey().replaceAll("[^a-z0-9]+", "-"));
                }
            }
        }
    }

    @Test
    @Order(3)
    void threeClicksLeadFromTheOverviewToTheSlowestRequestsCallTree() throws Exception {
        FmdClient client = seed();
        SeededProfiles.Request slowest = SEEDED.requests().stream().filter(r -> r.onP() && !r.tree().isEmpty())
                .max(Comparator.comparingDouble(SeededProfiles.Request::ms)).orElseThrow();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/index.xhtml"), By.linkText(P));
            driver.findElement(By.linkText(P)).click();                                  // 1: the endpoint
            waitFor(browser).until(d -> !d.findElements(By.id("tab-profiler")).isEmpty());
            driver.findElement(By.id("tab-profiler")).click();                            // 2: its profiler
            waitFor(browser).until(d -> !d.findElements(By.cssSelector("#slowest-list a.tree-link")).isEmpty());
            driver.findElement(By.cssSelector("#slowest-list a.tree-link")).click();     // 3: its slowest request
            waitFor(browser).until(d -> d.getCurrentUrl().contains("r=" + slowest.id()));
            assertEquals(slowest.tree().stream().map(ProfilerOutlierRulesBrowserIT::call).toList(),
                    treeCalls(driver, "call-tree"));
            assertEquals(slowest.tree().stream().map(l -> fixed(l.durationMs())).toList(),
                    column(driver, "call-tree", 1));
            assertTrue(driver.findElement(By.id("tree-facts")).getText().contains("an outlier"),
                    "the request was an outlier too: the tree links to its context");
            browser.screenshot("three-clicks-call-tree");
            driver.findElement(By.id("tree-outlier")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("outlier-url")).isEmpty());
            assertEquals("https://shop.example.com/shop/orders", driver.findElement(By.id("outlier-url")).getText());
        }
    }

    @Test
    @Order(4)
    void aTreeOpensOnItsHottestPathAndFoldsAndUnfolds() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/grouped.xhtml?id=" + endpointId(client, P)),
                    By.id("profile-tree"));
            // ROOT > FIND (hot, 300 ms) > CACHE, INIT; ROOT > JSON (220 ms): all shown at first
            assertEquals(List.of(true, true, true, true, true), shown(driver, "profile-tree"));
            WebElement find = rows(driver, "profile-tree").get(1);
            find.findElement(By.cssSelector(".fmd-toggle")).click();
            assertEquals(List.of(true, true, false, false, true), shown(driver, "profile-tree"));
            assertEquals("false", find.findElement(By.cssSelector(".fmd-toggle")).getAttribute("aria-expanded"));
            find.findElement(By.cssSelector(".fmd-toggle")).click();
            assertEquals(List.of(true, true, true, true, true), shown(driver, "profile-tree"));
            driver.findElement(By.cssSelector("[data-tree-collapse='profile-tree']")).click();
            assertEquals(List.of(true, true, false, false, true), shown(driver, "profile-tree"));
            driver.findElement(By.cssSelector("[data-tree-expand='profile-tree']")).click();
            assertEquals(List.of(true, true, true, true, true), shown(driver, "profile-tree"));
        }
    }

    @Test
    @Order(5)
    void sunburstAndFlameGraphDrawTheSeededTreeAndAClickZooms() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/grouped.xhtml?id=" + endpointId(client, P)),
                    By.cssSelector("#profile-flame canvas"));
            List<String> expected = SeededProfiles.GROUPED_ALL.stream().map(ProfilerOutlierRulesBrowserIT::node)
                    .toList();
            assertEquals(expected, json(browser, "const out = [];"
                    + "const walk = (n, d) => { out.push(d + ' ' + n.name + ' ' + n.value + ' ' + n.fmd.hits);"
                    + "  (n.children || []).forEach(c => walk(c, d + 1)); };"
                    + "walk(chart('#profile-sunburst').getOption().series[0].data[0], 0); return JSON.stringify(out);"));
            assertEquals(expected, json(browser, "return JSON.stringify(chart('#profile-flame').getOption()"
                    + ".series[0].data.map(b => b.value[0] + ' ' + b.value[3] + ' ' + (b.value[2] - b.value[1])"
                    + " + ' ' + b.node.hits));"));
            // each call starts where its caller starts, after its elder siblings: CACHE at 0, INIT at 80, JSON at 300
            assertEquals(List.of("0", "0", "0", "80", "300"), json(browser, "return JSON.stringify("
                    + "chart('#profile-flame').getOption().series[0].data.map(b => String(b.value[1])));"));
            browser.screenshot("grouped-profile");

            // a click on FIND's box (depth 1, 0..300 ms) zooms the flame graph into it
            WebElement canvas = driver.findElement(By.cssSelector("#profile-flame canvas"));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", canvas);
            List<?> at = (List<?>) script(browser,
                    "return chart('#profile-flame').convertToPixel({seriesIndex: 0}, [150, 1.5]);");
            int x = ((Number) at.get(0)).intValue();
            int y = ((Number) at.get(1)).intValue();
            new Actions(driver).moveToElement(canvas, x - canvas.getSize().width / 2, y - canvas.getSize().height / 2)
                    .click().perform();
            waitFor(browser).until(d -> "[0,300]".equals(script(browser, "const a = chart('#profile-flame')"
                    + ".getOption().xAxis[0]; return JSON.stringify([a.min, a.max]);")));
            browser.screenshot("grouped-profile-flame-zoomed");
        }
    }

    @Test
    @Order(6)
    void twoVersionsGroupedProfilesStandSideBySide() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/grouped.xhtml?id=" + endpointId(client, P) + "&v="
                    + SeededProfiles.V2 + "&vs=" + SeededProfiles.V1), By.id("compared-tree"));
            assertEquals(SeededProfiles.GROUPED_V2.stream().map(ProfilerOutlierRulesBrowserIT::call).toList(),
                    treeCalls(driver, "profile-tree"));
            assertEquals(SeededProfiles.GROUPED_V2.stream().map(l -> String.valueOf(l.hits())).toList(),
                    column(driver, "profile-tree", 1));
            assertEquals(List.of("3", "3", "2", "1", "2"), column(driver, "compared-tree", 1),
                    "version 1.0: ROOT 3, FIND 3, CACHE 2, INIT 1, JSON 2");
            assertTrue(driver.findElement(By.id("profile-facts")).getText().contains("version 2.0"));
            assertTrue(driver.findElement(By.id("compared-facts")).getText().contains("version 1.0"));
            browser.screenshot("grouped-profile-versions");
        }
    }

    @Test
    @Order(7)
    void anOutliersContextIsShownAsTextWithItsTimesAverageAndItsCallTree() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/outliers.xhtml"), By.id("outlier-rows"));
            assertEquals(4, rows(driver, "outlier-rows").size(), "the four seeded outliers, app-wide");
            WebElement row = rows(driver, "outlier-rows").stream()
                    .filter(r -> r.findElement(By.cssSelector(".duration")).getText().equals("200")).findFirst()
                    .orElseThrow();
            assertEquals("5.00×", row.findElement(By.cssSelector(".times")).getText(), "200 ms against 40 ms");
            row.findElement(By.cssSelector("a.detail-link")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("outlier-stack")).isEmpty());
            assertTrue(driver.findElement(By.id("outlier-stack")).getText().endsWith(SeededProfiles.MARKUP));
            assertTrue(driver.findElement(By.id("outlier-query")).getText().contains("sort=<date>"));
            assertEquals("X-Token: [redacted]", driver.findElement(By.id("outlier-headers")).getText().lines()
                    .filter(l -> l.startsWith("X-Token")).findFirst().orElseThrow());
            assertNull(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.fmdXss"));
            assertEquals("40.0 ms", driver.findElement(By.id("outlier-average")).getText());
            browser.screenshot("outlier");
            driver.findElement(By.id("outlier-tree")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("call-tree")).isEmpty());
            assertEquals(SEEDED.request(-102).tree().stream().map(ProfilerOutlierRulesBrowserIT::call).toList(),
                    treeCalls(driver, "call-tree"));
        }
    }

    @Test
    @Order(8)
    void theAdminChangesLevelsOneAtATimeAndManyAtOnceAndTheGuestCannot() throws Exception {
        FmdClient client = seed();
        long q = endpointId(client, Q);
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/rules.xhtml"), By.id("rules-table"));
            assertTrue(driver.findElement(By.id("applies")).getText().contains("fmd.level-refresh"));
            new org.openqa.selenium.support.ui.Select(ruleRow(driver, q).findElement(By.cssSelector("select")))
                    .selectByValue("2");
            waitFor(browser).until(d -> d.findElement(By.id("rules-status")).getText().contains("now at level 2"));
            assertEquals(2, level(client, Q));

            driver.findElement(By.id("rules-filter")).sendKeys("reports");
            assertEquals(3, visibleRuleRows(driver), "ReportResource.forecast, .primes and .sales");
            driver.findElement(By.id("select-all")).click();
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("bulk-level"))).selectByValue("3");
            driver.findElement(By.id("bulk-apply")).click();
            waitFor(browser).until(d -> d.findElement(By.id("rules-status")).getText().contains("now at level 3"));
            assertEquals(3, level(client, "ReportResource.sales"));
            assertEquals(3, level(client, "ReportResource.primes"));
            assertEquals(3, level(client, "ReportResource.forecast"));
            assertEquals(2, level(client, Q), "the filtered-out endpoints keep their level");
            browser.screenshot("rules-admin");
        }
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = open(browser, client.url("fmd/rules.xhtml"), By.id("rules-table"));
            assertTrue(driver.findElements(By.cssSelector("#rules-table select")).isEmpty());
            assertTrue(driver.findElement(By.id("read-only-rules")).isDisplayed());
            Object status = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('rules').dataset.api + '/" + q + "/level', {method: 'PUT',"
                    + " headers: {'Content-Type': 'application/json', 'X-Fmd-Csrf':"
                    + " document.querySelector('meta[name=fmd-csrf]').content}, body: '{\"level\": 0}'})"
                    + ".then(r => done(r.status));");
            assertEquals(403L, ((Number) status).longValue());
            assertEquals(2, level(client, Q), "the guest's change was refused");
            browser.screenshot("rules-guest");
        }
    }

    /** Opens a page and waits for an element of it. */
    static WebDriver open(Browser browser, String url, By element) {
        browser.driver().get(url);
        waitFor(browser).until(d -> !d.findElements(element).isEmpty());
        return browser.driver();
    }

    /** A function {@code chart(selector)} for scripts: the ECharts instance of the chart in that card. */
    static final String CHART = "((s) => echarts.getInstanceByDom(document.querySelector(s + ' .fmd-chart')))";

    static Object script(Browser browser, String body) {
        return browser.driver().executeScript("const chart = " + CHART + ";" + body);
    }

    private static List<String> json(Browser browser, String body) {
        String text = (String) script(browser, body);
        return Json.createReader(new StringReader(text)).readArray().getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static String node(GroupedLine line) {
        return line.indent() + " " + simple(line.codeLine().className()) + "." + line.codeLine().methodName() + " "
                + number(line.totalMs()) + " " + line.hits();
    }

    private static String call(StackLine line) {
        return simple(line.codeLine().className()) + "." + line.codeLine().methodName();
    }

    private static String call(GroupedLine line) {
        return simple(line.codeLine().className()) + "." + line.codeLine().methodName();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** @return a number as JavaScript prints it: 300 rather than 300.0 */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** @return a duration as the tree table shows it (3 significant digits) */
    private static String fixed(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static List<WebElement> rows(WebDriver driver, String table) {
        return driver.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    private static List<String> treeCalls(WebDriver driver, String table) {
        return rows(driver, table).stream().map(r -> r.findElement(By.cssSelector(".fmd-class"))
                .getAttribute("textContent") + "." + r.findElement(By.cssSelector(".fmd-method"))
                .getAttribute("textContent")).toList();
    }

    private static List<String> column(WebDriver driver, String table, int index) {
        return rows(driver, table).stream().map(r -> r.findElements(By.tagName("td")).get(index)
                .getAttribute("textContent").trim()).toList();
    }

    private static List<Boolean> shown(WebDriver driver, String table) {
        return rows(driver, table).stream().map(WebElement::isDisplayed).toList();
    }

    private static WebElement ruleRow(WebDriver driver, long id) {
        return driver.findElement(By.cssSelector("#rules-table tr[data-id='" + id + "']"));
    }

    private static long visibleRuleRows(WebDriver driver) {
        return rows(driver, "rules-table").stream().filter(WebElement::isDisplayed).count();
    }

    static long endpointId(FmdClient client, String name) {
        return client.endpointRows().stream().filter(r -> FmdClient.text(r, "name").equals(name))
                .mapToLong(r -> (long) FmdClient.number(r, "id")).findFirst().orElseThrow();
    }

    private static int level(FmdClient client, String name) {
        String body = client.get("fmd/api/endpoints", "Authorization", "Bearer " + TOKEN).body();
        List<JsonObject> endpoints = new ArrayList<>(Json.createReader(new StringReader(body)).readArray()
                .getValuesAs(JsonObject.class));
        return endpoints.stream().filter(e -> e.getString("name").equals(name)).findFirst().orElseThrow()
                .getInt("level");
    }
}
