package dev.fmd.it.browser;

import dev.fmd.config.Passwords;
import dev.fmd.it.support.Browser;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dashboard page in a real browser, on the sample with known traffic: what a stranger, the admin and a guest
 * (whose password is configured as a PBKDF2 hash) see, the figures against the traffic sent, hostile values from
 * clients shown as text, login throttling, and a screenshot of each page under {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    static final String ADMIN_PASSWORD = "browser-admin-secret";
    static final String GUEST_PASSWORD = "browser-guest-secret";
    /** Group-by values (the sample's X-Customer header) that would run script if a page did not escape them. */
    static final String SCRIPT = "<script>window.fmdXss=1</script>";
    static final String ATTRIBUTE = "\"onmouseover=\"window.fmdXss=2\" x=\"";
    static final List<String> CUSTOMERS = List.of("alice", "bob", SCRIPT, ATTRIBUTE);
    static final int LIST_REQUESTS = 60;

    @ArquillianResource
    private URL deployment;

    private static boolean seeded;

    @Deployment(testable = false)
    static WebArchive sample() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fmd.app-version", "1.4.0");
        config.put("fmd.password", ADMIN_PASSWORD);
        config.put("fmd.guest-password", Passwords.hash(GUEST_PASSWORD));
        config.put("fmd.admin-token", "browser-test-admin-token-0123456789");
        return TestWars.configured(TestWars.sample(), config, "fmd_", Database.DEFAULT);
    }

    /** Sends the traffic every test reads, once, and waits until it is written. */
    private FmdClient seed() {
        FmdClient client = new FmdClient(deployment, "api");
        if (!seeded) {
            for (int i = 0; i < LIST_REQUESTS; i++) {
                assertEquals(200, client.get("api/products", "X-Customer",
                        CUSTOMERS.get(i % CUSTOMERS.size())).statusCode());
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.get("api/products/1").statusCode());
            }
            assertEquals(409, client.post("api/orders/2").statusCode());
            assertEquals(409, client.post("api/orders/2").statusCode());
            assertEquals(200, client.get("api/reports/sales?ms=120").statusCode());
            client.get("api/products/%3Cscript%3Ewindow.fmdXss=3%3C%2Fscript%3E");
            client.awaitRequestRows("ProductResource.list", rows -> rows.size() == LIST_REQUESTS);
            client.awaitRequestRows("OrderResource.order", rows -> rows.size() == 2);
            FmdClient.sleep(1500);
            seeded = true;
        }
        return client;
    }

    @Test
    @Order(1)
    void strangerGetsTheLoginFormAndNoData() throws Exception {
        FmdClient client = seed();
        try (Browser browser = new Browser()) {
            for (String page : List.of("fmd", "fmd/index.xhtml", "fmd/graphs.xhtml", "fmd/endpoint.xhtml?id=1")) {
                browser.driver().get(client.url(page));
                waitFor(browser).until(d -> !d.findElements(By.name("password")).isEmpty());
                assertFalse(browser.driver().getPageSource().contains("ProductResource"), page + " shows data");
                assertEquals(1, browser.driver().findElements(By.name("username")).size());
            }
            browser.screenshot("login");
        }
    }

    @Test
    @Order(2)
    void overviewShowsEachEndpointsFiguresSortsAndFilters() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            browser.driver().get(client.url("fmd/index.xhtml"));
            waitFor(browser).until(d -> row(d, "ProductResource.list") != null);
            Map<String, String> list = row(browser.driver(), "ProductResource.list");
            assertEquals("GET /api/products", list.get("route"));
            assertEquals(String.valueOf(LIST_REQUESTS), list.get("hits"));
            assertEquals(String.valueOf(LIST_REQUESTS), list.get("today"));
            assertEquals(String.valueOf(LIST_REQUESTS), list.get("week"));
            assertEquals("0", list.get("errors4xx"));
            Map<String, String> order = row(browser.driver(), "OrderResource.order");
            assertEquals("2", order.get("errors4xx"), "409s are client errors: " + order);
            assertEquals("0", order.get("errors5xx"));
            assertEquals("never", row(browser.driver(), "ProductResource.add").get("last"));
            double median = Double.parseDouble(row(browser.driver(), "ReportResource.sales").get("median")
                    .replace(",", ""));
            assertTrue(median >= 100 && median <= 5000, "median of the 120 ms request: " + median);
            assertEquals("1.4.0", browser.driver().findElement(By.id("version")).getText());
            assertEquals("up", browser.driver().findElement(By.id("database")).getText());

            WebElement giftWrap = routeOf(browser.driver(), "OrderResource.giftWrap");
            assertEquals("POST /api/orders/{productId}/gift-wrap", giftWrap.getText().replace('\u00a0', ' ')
                    .replace("\n", ""));
            assertEquals(Boolean.TRUE, browser.driver().executeScript(
                    "return arguments[0].scrollWidth <= arguments[0].clientWidth", giftWrap), "the route is clipped");
            browser.screenshot("overview");

            header(browser, "Hits").click();
            waitFor(browser).until(d -> "ascending".equals(header(browser, "Hits").getAttribute("aria-sort")));
            header(browser, "Hits").click();
            waitFor(browser).until(d -> "descending".equals(header(browser, "Hits").getAttribute("aria-sort")));
            waitFor(browser).until(d -> "ProductResource.list".equals(firstEndpoint(d)));

            WebElement filter = browser.driver().findElement(By.cssSelector("input.fmd-filter"));
            filter.sendKeys("Report");
            waitFor(browser).until(d -> names(d).stream().allMatch(n -> n.startsWith("ReportResource"))
                    && names(d).size() == 3);

            browser.driver().findElement(By.linkText("ReportResource.sales")).click();
            waitFor(browser).until(d -> d.getCurrentUrl().contains("endpoint.xhtml?id="));
            assertEquals("ReportResource.sales", browser.driver().findElement(By.tagName("h1")).getText());
        }
    }

    @Test
    @Order(3)
    void appWideGraphsDrawEveryChartFromTheRequests() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            browser.driver().get(client.url("fmd/index.xhtml"));
            long total = 0;
            for (WebElement cell : browser.driver().findElements(By.cssSelector("td.hits"))) {
                total += Long.parseLong(cell.getText().replace(",", ""));
            }
            browser.driver().findElement(By.id("menu-graphs")).click();
            for (String chart : List.of("hourly-load", "versions", "version-shares", "daily", "performance")) {
                waitFor(browser).until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
            }
            JsonObject heatmap = chartData(browser.driver(), "hourly-load");
            long cells = heatmap.getJsonArray("cells").stream()
                    .mapToLong(c -> c.asJsonArray().getJsonNumber(2).longValue()).sum();
            assertEquals(total, cells, "the hourly heatmap counts every request of the overview");
            JsonObject versions = chartData(browser.driver(), "versions");
            assertEquals("1.4.0", versions.getJsonArray("series").getJsonObject(0).getString("name"));
            JsonObject boxes = chartData(browser.driver(), "performance");
            assertTrue(boxes.getJsonArray("rows").stream().map(r -> r.asJsonObject().getString("name"))
                    .anyMatch("ProductResource.list"::equals));
            browser.screenshot("graphs");

            browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId",
                    "America/New_York"));
            browser.driver().navigate().refresh();
            waitFor(browser).until(d -> d.findElement(By.cssSelector(".fmd-window-text")).getText()
                    .contains("(America/New_York)"));
            assertEquals(total, chartData(browser.driver(), "hourly-load").getJsonArray("cells").stream()
                    .mapToLong(c -> c.asJsonArray().getJsonNumber(2).longValue()).sum(),
                    "without fmd.timezone, times are in the browser's zone, and every request still counts");
        }
    }

    @Test
    @Order(4)
    void endpointPageShowsItsChartsAndPagesItsRequests() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            openEndpoint(browser, client, "ProductResource.list");
            assertEquals(String.valueOf(LIST_REQUESTS), browser.driver().findElement(By.id("window-hits")).getText());
            for (String chart : List.of("hourly-load", "users", "ips", "version-boxes", "user-boxes", "status-codes")) {
                waitFor(browser).until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
            }
            JsonObject users = chartData(browser.driver(), "users");
            assertEquals(CUSTOMERS.stream().map(c -> "(customer," + c + ")").sorted().toList(),
                    users.getJsonArray("yLabels").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString).sorted().toList());
            assertEquals(List.of("200"), chartData(browser.driver(), "status-codes").getJsonArray("series")
                    .stream().map(s -> s.asJsonObject().getString("name")).toList());
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#request-list tbody tr"));
            assertEquals(50, rows.size(), "the first page of the list");
            browser.screenshot("endpoint");
            browser.driver().findElement(By.id("older")).click();
            waitFor(browser).until(d -> d.findElements(By.cssSelector("#request-list tbody tr")).size()
                    == LIST_REQUESTS - 50);
            assertTrue(browser.driver().findElements(By.id("older")).isEmpty(), "the last page links no older one");

            browser.driver().findElement(By.id("menu-endpoints")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("endpoint-list")).isEmpty());
            browser.screenshot("endpoints");
        }
    }

    @Test
    @Order(5)
    void valuesFromClientsAreShownAsTextOnEveryPage() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            openEndpoint(browser, client, "ProductResource.list");
            List<String> shown = browser.driver().findElements(By.cssSelector("#request-list td.user")).stream()
                    .map(WebElement::getText).distinct().toList();
            assertTrue(shown.contains("(customer," + SCRIPT + ")"), "the script is shown as text: " + shown);
            assertTrue(shown.contains("(customer," + ATTRIBUTE + ")"), "the attribute is shown as text: " + shown);
            Actions hover = new Actions(browser.driver());
            for (WebElement cell : browser.driver().findElements(By.cssSelector("#request-list td.user"))) {
                hover.moveToElement(cell).perform();
            }
            for (String chart : List.of("users", "user-boxes")) {
                WebElement canvas = browser.driver().findElement(By.cssSelector("#" + chart + " canvas"));
                for (int y = -120; y <= 120; y += 20) {
                    hover.moveToElement(canvas, 0, y).perform();
                }
            }
            for (String page : List.of("fmd/index.xhtml", "fmd/graphs.xhtml")) {
                browser.driver().get(client.url(page));
                assertNoScriptRan(browser.driver());
            }
            openEndpoint(browser, client, "ProductResource.list");
            assertNoScriptRan(browser.driver());
        }
    }

    @Test
    @Order(6)
    void guestSeesEveryPageButCannotChangeALevel() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            openEndpoint(browser, client, "OrderResource.order");
            assertEquals("2", browser.driver().findElement(By.id("window-hits")).getText());
            assertEquals("2", browser.driver().findElement(By.id("errors4xx")).getText());
            long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
            assertEquals(403L, putLevel(browser, id, 2, true), "a guest's session cannot change a level");
            assertEquals(1, (int) FmdClient.number(client.endpointRows().stream().filter(e -> "OrderResource.order"
                    .equals(FmdClient.text(e, "name"))).findFirst().orElseThrow(), "monitor_level"), "unchanged");
            assertEquals("read-only", browser.driver().findElement(By.id("read-only")).getText());
            browser.driver().get(client.url("fmd/graphs.xhtml"));
            waitFor(browser).until(d -> !d.findElements(By.cssSelector("#hourly-load canvas")).isEmpty());
            browser.screenshot("graphs-guest");
        }
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            openEndpoint(browser, client, "ProductResource.get");
            long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
            assertEquals(403L, putLevel(browser, id, 1, false), "a change without the page's CSRF token is refused");
            assertEquals(204L, putLevel(browser, id, 1, true), "the admin's session changes a level");

            browser.driver().findElement(By.id("logout")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("login-message")).isEmpty());
            assertEquals("You are logged out.", browser.driver().findElement(By.id("login-message")).getText());
            browser.driver().get(client.url("fmd/index.xhtml"));
            waitFor(browser).until(d -> !d.findElements(By.name("password")).isEmpty());
            assertFalse(browser.driver().getPageSource().contains("ProductResource"), "logged out: no data");
            assertEquals(401L, putLevel(browser, id, 2, false), "the session no longer changes anything");
        }
    }

    @Test
    @Order(7)
    void withTwoInstancesThePagesFilterByInstance() throws Exception {
        FmdClient client = seed();
        assertEquals(200, client.send("POST", client.probe() + "other-instance?name=node-2&endpoint="
                + "ProductResource.add&hits=7").statusCode());
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            browser.driver().get(client.url("fmd/index.xhtml"));
            waitFor(browser).until(d -> row(d, "ProductResource.add") != null);
            assertEquals("2", browser.driver().findElement(By.id("instances")).getText());
            assertEquals("7", row(browser.driver(), "ProductResource.add").get("hits"), "every instance counts");
            assertEquals(String.valueOf(LIST_REQUESTS), row(browser.driver(), "ProductResource.list").get("hits"));
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("instance")))
                    .selectByVisibleText("node-2");
            waitFor(browser).until(d -> d.getCurrentUrl().contains("i=node-2"));
            waitFor(browser).until(d -> row(d, "ProductResource.add") != null);
            assertEquals("7", row(browser.driver(), "ProductResource.add").get("hits"));
            assertEquals("0", row(browser.driver(), "ProductResource.list").get("hits"), "only node-2's requests");
            browser.screenshot("overview-instance");
            browser.driver().findElement(By.id("menu-graphs")).click();
            waitFor(browser).until(d -> d.getCurrentUrl().contains("graphs.xhtml") && d.getCurrentUrl()
                    .contains("i=node-2"));
            JsonObject heatmap = chartData(browser.driver(), "hourly-load");
            assertEquals(7L, heatmap.getJsonArray("cells").stream()
                    .mapToLong(c -> c.asJsonArray().getJsonNumber(2).longValue()).sum(), "the graphs keep the filter");
        }
    }

    @Test
    @Order(8)
    void tenWrongPasswordsInAMinuteMakeTheAddressWait() {
        FmdClient client = seed();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = client.postForm(loginPath(client), "username", "admin", "password",
                    "guess-" + i);
            assertEquals(401, wrong.statusCode(), "try " + i);
            assertTrue(wrong.body().contains("Wrong user name or password."));
        }
        HttpResponse<String> refused = client.postForm(loginPath(client), "username", "admin", "password",
                ADMIN_PASSWORD);
        assertEquals(429, refused.statusCode(), "even the right password waits");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: " + retryAfter);
        assertFalse(refused.body().contains("ProductResource"));
    }

    private static String loginPath(FmdClient client) {
        return java.net.URI.create(client.url("fmd/login")).getPath().substring(1);
    }

    /** Changes a level from the page's script, with the page's CSRF token or without. */
    private static long putLevel(Browser browser, long id, int level, boolean withToken) {
        Object status = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var headers = {'Content-Type': 'application/json'};"
                + (withToken ? "headers['X-Fmd-Csrf'] = document.querySelector('meta[name=fmd-csrf]').content;" : "")
                + "fetch(location.pathname.replace(/[^/]*$/, '') + 'api/endpoints/" + id + "/level', {method: 'PUT',"
                + " headers: headers, body: JSON.stringify({level: " + level + "})})"
                + ".then(r => done(r.status), e => done(-1));");
        return ((Number) status).longValue();
    }

    private static void assertNoScriptRan(WebDriver driver) {
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertNull(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.fmdXss"),
                "a value from a client ran as script on " + driver.getCurrentUrl());
        assertEquals(0L, ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('[onmouseover]').length"));
    }

    /** Logs in through the login form at {@code /fmd/login}, as a person or a password manager does. */
    static Browser loggedIn(FmdClient client, String user, String password) {
        return loggedIn(client, "fmd", user, password);
    }

    /** Logs in through the login form of the dashboard at {@code /<link>}. */
    static Browser loggedIn(FmdClient client, String link, String user, String password) {
        Browser browser = new Browser();
        try {
            browser.driver().get(client.url(link + "/login"));
            waitFor(browser).until(d -> !d.findElements(By.name("password")).isEmpty());
            browser.driver().findElement(By.name("username")).sendKeys(user);
            browser.driver().findElement(By.name("password")).sendKeys(password);
            browser.driver().findElement(By.name("password")).submit();
            waitFor(browser).until(d -> d.findElements(By.name("password")).isEmpty());
            return browser;
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    private static void openEndpoint(Browser browser, FmdClient client, String name) {
        browser.driver().get(client.url("fmd/endpoint.xhtml"));
        waitFor(browser).until(d -> !d.findElements(By.linkText(name)).isEmpty());
        browser.driver().findElement(By.linkText(name)).click();
        waitFor(browser).until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals(name)));
    }

    static JsonObject chartData(WebDriver driver, String card) {
        String json = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#" + card + " script[type=\"application/json\"]').textContent");
        return Json.createReader(new StringReader(json)).readObject();
    }

    static WebDriverWait waitFor(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    private static WebElement header(Browser browser, String title) {
        return browser.driver().findElement(By.xpath("//th[.//span[text()='" + title + "']]"));
    }

    private static List<WebElement> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("#overview\\:endpoints tbody tr"));
    }

    private static List<String> names(WebDriver driver) {
        try {
            return rows(driver).stream().flatMap(r -> r.findElements(By.cssSelector("a.endpoint-link")).stream())
                    .map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return List.of("(re-rendering)");
        }
    }

    private static String firstEndpoint(WebDriver driver) {
        List<String> names = names(driver);
        return names.isEmpty() ? null : names.get(0);
    }

    private static WebElement routeOf(WebDriver driver, String endpoint) {
        return driver.findElement(By.xpath("//tr[.//a[text()='" + endpoint + "']]//span[contains(@class,'route')]"));
    }

    /** @return the cells of an endpoint's row by their column class, or null when it is not shown */
    private static Map<String, String> row(WebDriver driver, String endpoint) {
        for (WebElement row : rows(driver)) {
            List<WebElement> links = row.findElements(By.cssSelector("a.endpoint-link"));
            if (links.isEmpty() || !links.get(0).getText().equals(endpoint)) {
                continue;
            }
            Map<String, String> cells = row.findElements(By.tagName("td")).stream().collect(Collectors.toMap(
                    td -> td.getAttribute("class").replaceAll(".*\\b(fmd-num|endpoint-name)\\s*", "").trim(),
                    td -> td.getText().trim(), (a, b) -> a, LinkedHashMap::new));
            cells.put("route", row.findElement(By.cssSelector("span.route")).getText().replace('\u00a0', ' '));
            return cells;
        }
        return null;
    }
}
