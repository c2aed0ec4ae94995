package dev.fmd.it.browser;

import dev.fmd.it.support.Browser;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.DropInApp;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.URL;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in an application written without fmd in mind (the drop-in application, which has its own Faces
 * page), moved to {@code /monitoring} by {@code fmd.custom-link}: its pages show the application's requests, and the
 * application's own page still answers as before. Times are shown in {@code fmd.timezone}.
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
                "fmd.timezone", "Asia/Kolkata"), PREFIX);
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
        FmdClient.sleep(1500);

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
            assertTrue(daily.getJsonArray("series").stream().map(s -> s.asJsonObject().getString("name"))
                    .anyMatch("AsyncResource.suspended"::equals), "async requests count: " + daily);
            assertNotEquals(0, browser.driver().findElements(By.cssSelector(".fmd-chart")).size());
            browser.screenshot("dropin-graphs");
        }
    }
}
