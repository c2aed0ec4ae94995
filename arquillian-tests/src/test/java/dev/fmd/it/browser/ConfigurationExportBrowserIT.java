package dev.fmd.it.browser;

import dev.fmd.config.Passwords;
import dev.fmd.it.support.Browser;
import dev.fmd.it.support.Database;
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

import java.net.URL;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.fmd.it.browser.DashboardBrowserIT.loggedIn;
import static dev.fmd.it.browser.DashboardBrowserIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration and export pages in a real browser, on the sample with known traffic: the admin sees every
 * setting with its source, secrets masked and a hostile value shown as text, the instance and the tables, and
 * downloads an export through the browser's own session; a guest sees the same configuration read-only and is
 * refused the download (403). Screenshots of both pages under {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigurationExportBrowserIT {

    static final String ADMIN_PASSWORD = "config-admin-secret";
    static final String GUEST_PASSWORD = "config-guest-secret";
    static final String TOKEN = "config-browser-admin-token-0123456789";
    /** A configured value (fmd.redact keeps it in lower case) that would run as script if the page did not escape it. */
    static final String SCRIPT = "<script>window.fmdxss=1</script>";
    static final String PREFIX = TestWars.uniquePrefix();
    static final int LIST_REQUESTS = 12;

    @ArquillianResource
    private URL deployment;

    private static boolean seeded;

    @Deployment(testable = false)
    static WebArchive sample() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fmd.app-version", "2.7.1");
        config.put("fmd.password", ADMIN_PASSWORD);
        config.put("fmd.guest-password", Passwords.hash(GUEST_PASSWORD));
        config.put("fmd.admin-token", TOKEN);
        config.put("fmd.redact", "token,password," + SCRIPT);
        return TestWars.configured(TestWars.sample(), config, PREFIX, Database.DEFAULT);
    }

    private FmdClient seed() {
        FmdClient client = new FmdClient(deployment, "api");
        if (!seeded) {
            for (int i = 0; i < LIST_REQUESTS; i++) {
                assertEquals(200, client.get("api/products", "X-Customer", i % 2 == 0 ? "alice" : "bob, \"the\" "
                        + "builder").statusCode());
            }
            assertEquals(200, client.get("api/products/1").statusCode());
            client.awaitRequestRows("ProductResource.list", rows -> rows.size() == LIST_REQUESTS);
            client.awaitRequestRows("ProductResource.get", rows -> rows.size() == 1);
            seeded = true;
        }
        return client;
    }

    @Test
    @Order(1)
    void adminSeesEverySettingWithItsSourceSecretsMasked() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            WebDriver driver = browser.driver();
            driver.get(client.url("fmd/index.xhtml"));
            driver.findElement(By.id("menu-configuration")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("settings")).isEmpty());
            assertEquals(List.of("•••••• (set)", "properties file"), setting(driver, "fmd.admin-token"));
            assertEquals(List.of("•••••• (set)", "properties file"), setting(driver, "fmd.password"));
            assertEquals(List.of("(not set)", "default"), setting(driver, "fmd.metrics-token"));
            assertEquals(List.of("2.7.1", "properties file"), setting(driver, "fmd.app-version"));
            assertEquals(List.of("500", "default"), setting(driver, "fmd.batch-size"));
            assertEquals(List.of("token,password," + SCRIPT, "properties file"), setting(driver, "fmd.redact"),
                    "a hostile value is shown as text");
            assertFalse(driver.getPageSource().contains(TOKEN) || driver.getPageSource().contains(ADMIN_PASSWORD));
            assertNull(browser.driver().executeScript("return window.fmdxss"));
            assertEquals(dev.fmd.config.EffectiveSettings.KEYS.size(), driver.findElements(By.cssSelector(
                    "#settings tbody tr")).size(), "every fmd.* key");

            assertEquals("2.7.1", driver.findElement(By.id("app-version")).getText());
            String instance = driver.findElement(By.id("this-instance")).getText();
            assertEquals(instance + " this one", driver.findElement(By.cssSelector("#instances .instance-name"))
                    .getText());
            assertEquals("2.7.1", driver.findElement(By.cssSelector("#instances .instance-version")).getText());
            assertEquals(String.valueOf(LIST_REQUESTS + 1), driver.findElement(By.xpath("//tr[td/code[text()='"
                    + PREFIX + "request']]/td[contains(@class,'table-rows')]")).getText(), "exact rows on H2");
            assertEquals("up", driver.findElement(By.id("database-state")).getText());
            browser.screenshot("configuration");
        }
    }

    @Test
    @Order(2)
    void adminDownloadsAnExportThroughTheBrowsersSession() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "admin", ADMIN_PASSWORD)) {
            WebDriver driver = browser.driver();
            driver.get(client.url("fmd/index.xhtml"));
            driver.findElement(By.id("menu-export")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("export")).isEmpty());
            assertTrue(driver.findElement(By.id("download")).isEnabled());
            assertTrue(driver.findElement(By.id("curl")).getText().contains("Authorization: Bearer $FMD_ADMIN_TOKEN"));
            browser.screenshot("export");

            List<?> csv = download(browser);
            assertEquals(200L, csv.get(0), String.valueOf(csv.get(2)));
            assertTrue(String.valueOf(csv.get(1)).matches("attachment; filename=\"fmd-requests-\\d{8}T\\d{4}Z-\\d{8}"
                    + "T\\d{4}Z\\.csv\""), String.valueOf(csv.get(1)));
            List<String> lines = Arrays.asList(String.valueOf(csv.get(2)).split("\r\n"));
            assertEquals(LIST_REQUESTS + 2, lines.size(), "header and every request: " + lines);
            assertEquals(LIST_REQUESTS, lines.stream().filter(l -> l.contains(",ProductResource.list,GET,/api/"
                    + "products,")).count());
            assertEquals(LIST_REQUESTS / 2, lines.stream().filter(l -> l.contains(",\"(customer,bob, \"\"the\"\" builder)\","))
                    .count(), "quoted as RFC 4180 says");
        }
    }

    @Test
    @Order(3)
    void guestSeesTheConfigurationReadOnlyAndCannotExport() throws Exception {
        FmdClient client = seed();
        try (Browser browser = loggedIn(client, "guest", GUEST_PASSWORD)) {
            WebDriver driver = browser.driver();
            driver.get(client.url("fmd/configuration.xhtml"));
            waitFor(browser).until(d -> !d.findElements(By.id("settings")).isEmpty());
            assertEquals("read-only", driver.findElement(By.id("read-only")).getText());
            assertEquals(List.of("•••••• (set)", "properties file"), setting(driver, "fmd.guest-password"));
            assertEquals(List.of("2.7.1", "properties file"), setting(driver, "fmd.app-version"));
            assertTrue(driver.findElements(By.tagName("button")).stream().allMatch(b -> b.getAttribute("id")
                    .equals("logout")), "nothing to change");
            browser.screenshot("configuration-guest");

            driver.findElement(By.id("menu-export")).click();
            waitFor(browser).until(d -> !d.findElements(By.id("admin-only")).isEmpty());
            assertFalse(driver.findElement(By.id("download")).isEnabled());
            browser.screenshot("export-guest");
            List<?> refused = download(browser);
            assertEquals(403L, refused.get(0));
            assertFalse(String.valueOf(refused.get(2)).contains("ProductResource"));
        }
    }

    /** Fetches what the export form would download, with the browser's session: status, file name, body. */
    private static List<?> download(Browser browser) {
        return (List<?>) browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var form = document.getElementById('export');"
                + "var url = form.action + '?' + new URLSearchParams(new FormData(form)).toString();"
                + "fetch(url, {credentials: 'same-origin'}).then(r => r.text().then(t => done([r.status, "
                + "r.headers.get('Content-Disposition'), t])), e => done([-1, null, String(e)]));");
    }

    /** @return the value and source shown for a key */
    private static List<String> setting(WebDriver driver, String key) {
        String row = "setting-" + key.replace('.', '-');
        return List.of(driver.findElement(By.cssSelector("#" + row + " .setting-value")).getText(),
                driver.findElement(By.cssSelector("#" + row + " .setting-source")).getText());
    }
}
