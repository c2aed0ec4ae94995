package dev.fmd.it.browser;

import dev.fmd.it.support.Browser;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.DropInApp;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.fmd.it.browser.DashboardBrowserIT.chartData;
import static dev.fmd.it.browser.DashboardBrowserIT.loggedIn;
import static dev.fmd.it.browser.DashboardBrowserIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in an application written without fmd in mind (the drop-in application, which has its own Faces
 * page), moved to {@code /monitoring} by {@code fmd.custom-link}: its pages show the application's requests, and the
 * application's own page still answers as before. Times are shown in {@code fmd.timezone}. The application's own
 * users come in by their roles ({@code fmd.guest-role}, {@code fmd.admin-role}).
 */
@ExtendWith(ArquillianExtension.class)
class DropInDashboardBrowserIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String PASSWORD = "drop-in-dashboard-secret";

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive dropIn() {
        return DropInApp.war(Map.of("fmd.custom-link", "monitoring", "fmd.password", PASSWORD,
                "fmd.timezone", "Asia/Kolkata", "fmd.guest-role", "user", "fmd.admin-role", "operator",
                "fmd.colors", "PlainResource.hello=#d62728"), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    @Test
    void dashboardAtTheCustomLinkShowsTheApplicationsRequests() throws Exception {
        FmdClient client = new FmdClient(deployment, "rest");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.get("rest/plain/hello").statusCode());
        }
        assertEquals(422, client.get("rest/plain/reject").statusCode());
        assertEquals("resumed after 20", client.get("rest/async/suspended?ms=20").body());
        assertEquals("hello ann", client.get("rest/greetings/ann").body());
        client.awaitRequestRows("PlainResource.hello", rows -> rows.size() == 5);
        client.awaitRequestRows("PlainResource.reject", rows -> rows.size() == 1);
        client.awaitRollupsOfEveryRequest();

        assertEquals(404, client.get("fmd/index.xhtml").statusCode(), "the dashboard moved away from /fmd");
        assertTrue(client.get("hello.xhtml").body().contains("Hello from the drop-in app's own Faces page"));

        try (Browser browser = loggedIn(client, "monitoring", "admin", PASSWORD)) {
            browser.driver().get(client.url("monitoring/index.xhtml"));
            waitFor(browser).until(d -> !d.findElements(By.linkText("PlainResource.hello")).isEmpty());
            String hits = browser.driver().findElement(By.xpath(
                    "//tr[.//a[text()='PlainResource.hello']]/td[contains(@class,'hits')]")).getText();
            assertEquals("5", hits);
            assertEquals("1", browser.driver().findElement(By.xpath(
                    "//tr[.//a[text()='PlainResource.reject']]/td[contains(@class,'errors4xx')]")).getText());
            assertTrue(browser.driver().findElement(By.id("version")).getText().matches("[0-9a-f]{7,40}|.+"));
            assertEquals("rgb(214, 39, 40)", swatch(browser, "PlainResource.hello"), "the colour of fmd.colors");
            String asyncColor = swatch(browser, "AsyncResource.suspended");
            browser.screenshot("dropin-overview");

            browser.driver().findElement(By.linkText("PlainResource.hello")).click();
            waitFor(browser).until(d -> d.getCurrentUrl().contains("/monitoring/endpoint.xhtml?id="));
            assertEquals("5", browser.driver().findElement(By.id("window-hits")).getText());
            waitFor(browser).until(d -> !d.findElements(By.cssSelector("#hourly-load canvas")).isEmpty());
            assertEquals(5, browser.driver().findElements(By.cssSelector("#request-list tbody tr")).size());
            String newest = browser.driver().findElement(By.cssSelector("#request-list tbody tr td.time")).getText();
            Instant shown = LocalDateTime.parse(newest.replace(' ', 'T')).atZone(ZoneId.of("Asia/Kolkata")).toInstant();
            assertTrue(Duration.between(shown, Instant.now()).abs().toMinutes() < 30,
                    "times are shown in fmd.timezone (Asia/Kolkata, UTC+5:30): " + newest + " at " + Instant.now());
            assertTrue(browser.driver().findElement(By.cssSelector(".fmd-window-text")).getText()
                    .contains("(Asia/Kolkata)"));
            browser.screenshot("dropin-endpoint");

            browser.driver().findElement(By.id("menu-graphs")).click();
            waitFor(browser).until(d -> d.getCurrentUrl().contains("/monitoring/graphs.xhtml"));
            for (String chart : List.of("hourly-load", "versions", "daily", "performance")) {
                waitFor(browser).until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
            }
            JsonObject daily = chartData(browser.driver(), "daily");
            Map<String, String> colors = new java.util.HashMap<>();
            daily.getJsonArray("series").forEach(v -> colors.put(v.asJsonObject().getString("name"),
                    v.asJsonObject().getString("color")));
            assertEquals("#d62728", colors.get("PlainResource.hello"));
            assertEquals(asyncColor, rgb(colors.get("AsyncResource.suspended")), "a hashed colour is the same on "
                    + "every page");
            assertTrue(daily.getJsonArray("series").stream().map(s -> s.asJsonObject().getString("name"))
                    .anyMatch("AsyncResource.suspended"::equals), "async requests count: " + daily);
            assertNotEquals(0, browser.driver().findElements(By.cssSelector(".fmd-chart")).size());
            browser.screenshot("dropin-graphs");
        }
    }

    @Test
    void profilerOutlierAndRulesPagesWorkOnTheApplicationsOwnEndpoints() throws Exception {
        FmdClient client = new FmdClient(deployment, "rest");
        assertEquals("resumed after 1", client.get("rest/async/suspended?ms=1").body());
        client.awaitRequestRows("AsyncResource.suspended", rows -> !rows.isEmpty());
        try (Browser browser = loggedIn(client, "monitoring", "admin", PASSWORD)) {
            var driver = browser.driver();
            driver.get(client.url("monitoring/rules.xhtml"));
            waitFor(browser).until(d -> !d.findElements(By.id("rules-table")).isEmpty());
            var row = driver.findElement(By.xpath("//tr[.//a[text()='AsyncResource.suspended']]"));
            new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("select"))).selectByValue("3");
            waitFor(browser).until(d -> d.findElement(By.id("rules-status")).getText().contains("now at level 3"));
            browser.screenshot("dropin-rules");

            // the profiler's recording starts off the request path, within a second or so of the change
            long until = System.nanoTime() + 60_000_000_000L;
            while (client.stackLines("AsyncResource.suspended").isEmpty()) {
                assertTrue(System.nanoTime() < until, "no call tree 60 s after the level changed to 3");
                assertEquals("resumed after 5", client.get("rest/async/suspended?ms=5").body());
                FmdClient.sleep(200);
            }
            for (int i = 0; i < 12; i++) {
                assertEquals("resumed after 5", client.get("rest/async/suspended?ms=5").body());
            }
            assertEquals("resumed after 600", client.get("rest/async/suspended?ms=600&token=s3cret").body());
            client.awaitOutliers("AsyncResource.suspended", rows -> !rows.isEmpty());
            client.awaitStackLines("AsyncResource.suspended", rows -> !rows.isEmpty());
            FmdClient.sleep(1500);

            driver.get(client.url("monitoring/outliers.xhtml"));
            waitFor(browser).until(d -> !d.findElements(By.id("outlier-rows")).isEmpty());
            var outlier = driver.findElement(By.xpath("//table[@id='outlier-rows']//tr[td[contains(., "
                    + "'AsyncResource.suspended')]]"));
            outlier.findElement(By.cssSelector("a.detail-link")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("outlier-query")).isEmpty());
            assertTrue(driver.findElement(By.id("outlier-url")).getText().endsWith("/rest/async/suspended"));
            assertEquals("ms=600\ntoken=[redacted]", driver.findElement(By.id("outlier-query")).getText());
            assertTrue(driver.findElement(By.id("outlier-stack")).getText().startsWith("(none: the request went on "
                    + "asynchronously"), "no stack of the pool thread the async request had left");
            browser.screenshot("dropin-outlier");

            driver.findElement(By.id("menu-profiler")).click();
            waitFor(browser).until(d -> !d.findElements(By.linkText("AsyncResource.suspended")).isEmpty());
            driver.findElement(By.linkText("AsyncResource.suspended")).click();
            waitFor(browser).until(d -> !d.findElements(By.cssSelector("#slowest-list a.tree-link")).isEmpty());
            assertTrue(driver.findElement(By.cssSelector("#slowest-list .duration")).getText().startsWith("6"),
                    "the slowest profiled request is the 600 ms one: its duration runs until the response is "
                    + "complete");
            driver.findElement(By.cssSelector("#slowest-list a.tree-link")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("call-tree")).isEmpty());
            assertEquals("AsyncResource.suspended", driver.findElement(By.cssSelector("#call-tree tbody tr"))
                    .findElement(By.cssSelector(".fmd-class")).getText() + "." + driver.findElement(
                    By.cssSelector("#call-tree tbody tr .fmd-method")).getText());
            browser.screenshot("dropin-profiler");
        }
    }

    @Test
    void applicationsOwnUsersComeInByTheirRolesAndOnlyTheAdminRoleChanges() {
        FmdClient client = new FmdClient(deployment, "rest");
        assertEquals("hello bo", client.get("rest/greetings/bo").body());
        client.awaitRequestRows("GreetingResource.greet", rows -> !rows.isEmpty());

        HttpResponse<String> stranger = client.get("monitoring/index.xhtml");
        assertTrue(stranger.uri().getPath().endsWith("/monitoring/login"), "a stranger gets the login form");
        assertFalse(stranger.body().contains("PlainResource"));
        assertTrue(stranger.body().contains("log in with the application's own login"), stranger.body());

        HttpResponse<String> guest = client.get("monitoring/index.xhtml", "Authorization", "Bearer user-ann");
        assertEquals(200, guest.statusCode());
        assertTrue(guest.body().contains("GreetingResource.greet") && guest.body().contains("id=\"read-only\""),
                "a user in fmd.guest-role sees the data, read-only");
        HttpResponse<String> levels = client.get("monitoring/api/endpoints", "Authorization", "Bearer user-ann");
        assertEquals(200, levels.statusCode(), levels.body());
        long id = Json.createReader(new StringReader(levels.body())).readArray().stream()
                .map(v -> v.asJsonObject()).filter(e -> e.getString("name").equals("GreetingResource.greet"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        String level = "monitoring/api/endpoints/" + id + "/level";
        assertEquals(403, client.putJson(level, "{\"level\":0}", "Authorization", "Bearer user-ann").statusCode(),
                "a guest cannot change a level");
        assertEquals(403, client.putJson(level, "{\"level\":0}", "Authorization", "Bearer user-op-kim").statusCode(),
                "an admin's change from a browser needs the page's CSRF token");

        HttpResponse<String> admin = client.get("monitoring/index.xhtml", "Authorization", "Bearer user-op-kim");
        assertTrue(admin.body().contains("GreetingResource.greet") && !admin.body().contains("id=\"read-only\""));
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"fmd-csrf\" content=\"([^\"]+)\"")
                .matcher(admin.body());
        assertTrue(csrf.find(), "the page carries its CSRF token");
        assertEquals(204, client.putJson(level, "{\"level\":0}", "Authorization", "Bearer user-op-kim",
                "X-Fmd-Csrf", csrf.group(1)).statusCode(), "a user in fmd.admin-role changes a level");
        assertEquals(0, (int) FmdClient.number(client.endpointRows().stream()
                .filter(e -> "GreetingResource.greet".equals(FmdClient.text(e, "name"))).findFirst().orElseThrow(),
                "monitor_level"));
        assertEquals(204, client.putJson(level, "{\"level\":1}", "Authorization", "Bearer user-op-kim",
                "X-Fmd-Csrf", csrf.group(1)).statusCode());
    }

    private static String swatch(Browser browser, String endpoint) {
        return browser.driver().findElement(By.xpath("//tr[.//a[text()='" + endpoint + "']]//span[contains(@class,"
                + "'fmd-swatch')]")).getCssValue("background-color").replace("rgba(", "rgb(").replace(", 1)", ")");
    }

    private static String rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (value >> 16) + ", " + (value >> 8 & 0xff) + ", " + (value & 0xff) + ")";
    }
}
