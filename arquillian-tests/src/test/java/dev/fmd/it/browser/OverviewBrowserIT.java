package dev.fmd.it.browser;

import dev.fmd.it.support.Browser;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overview page in a real browser: the sample's endpoints with their figures, sortable by hits. */
@ExtendWith(ArquillianExtension.class)
class OverviewBrowserIT {

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive sample() {
        return TestWars.configured(TestWars.sample(), Map.of("fmd.app-version", "1.4.0"), "fmd_", Database.DEFAULT);
    }

    @Test
    void overviewListsEndpointsWithTheirFiguresAndSortsByHits() throws Exception {
        FmdClient client = new FmdClient(deployment, "api");
        for (int i = 0; i < 4; i++) {
            assertEquals(200, client.get("api/products").statusCode());
        }
        assertEquals(200, client.get("api/products/1").statusCode());
        assertEquals(200, client.get("api/reports/sales?ms=120").statusCode());
        assertEquals(409, client.post("api/orders/2").statusCode());
        FmdClient.sleep(1200);

        try (Browser browser = new Browser()) {
            browser.driver().get(client.url("fmd"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> cells(d.findElements(By.cssSelector("#overview\\:endpoints tbody tr")), "ProductResource.list").size() > 3);
            List<String> list = cells(rows(browser), "ProductResource.list");
            assertEquals("GET /api/products", list.get(1));
            assertEquals("4", list.get(3), "hits: " + list);
            assertTrue(list.get(6).endsWith("UTC"), "last requested: " + list);
            double median = Double.parseDouble(cells(rows(browser), "ReportResource.sales").get(5));
            assertTrue(median >= 90 && median <= 1000, "median of the slow endpoint: " + median);
            assertEquals("never", cells(rows(browser), "ProductResource.add").get(6));
            assertTrue(browser.driver().findElement(By.id("version")).getText().equals("1.4.0"));

            hitsHeader(browser).click();
            wait.until(d -> "ascending".equals(hitsHeader(browser).getAttribute("aria-sort")));
            wait.until(d -> firstRow(browser).size() > 3 && firstRow(browser).get(3).equals("0"));
            hitsHeader(browser).click();
            wait.until(d -> "descending".equals(hitsHeader(browser).getAttribute("aria-sort")));
            wait.until(d -> !firstRow(browser).isEmpty() && firstRow(browser).get(0).equals("ProductResource.list"));
            browser.screenshot("overview");
        }
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#overview\\:endpoints tbody tr"));
    }

    private static List<String> cells(List<WebElement> rows, String endpoint) {
        for (WebElement row : rows) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText)
                    .map(String::trim).toList();
            if (!cells.isEmpty() && cells.get(0).equals(endpoint)) {
                return cells;
            }
        }
        return List.of();
    }

    /** The cell texts of the first row; empty while the table is being re-rendered. */
    private static List<String> firstRow(Browser browser) {
        try {
            List<WebElement> rows = rows(browser);
            return rows.isEmpty() ? List.of() : rows.get(0).findElements(By.tagName("td")).stream()
                    .map(WebElement::getText).map(String::trim).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return List.of();
        }
    }

    private static WebElement hitsHeader(Browser browser) {
        return browser.driver().findElement(By.xpath("//th[.//span[text()='Hits']]"));
    }
}
