package dev.fmd.it.config;

import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.support.TinyApp;
import dev.fmd.it.support.UnreachableDataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fmd's database is down: the application answers as always, fmd keeps at most {@code fmd.queue-capacity}
 * measurements in memory, and the dashboard says so and counts what it dropped.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseDownIT {

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        WebArchive war = TinyApp.war(Map.of("fmd.datasource", UnreachableDataSource.JNDI_NAME,
                "fmd.queue-capacity", "5"));
        return war.addClass(UnreachableDataSource.class).addAsLibrary(new File(TestWars.LIBS, "postgresql.jar"));
    }

    @Test
    void applicationIsUnaffectedAndDropsAreCountedAndShown() {
        FmdClient client = new FmdClient(deployment, "tiny");
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = client.get("tiny/echo");
            assertEquals(200, response.statusCode());
            assertEquals("echo", response.body());
        }
        HttpResponse<String> page = client.page("fmd");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("fmd&#39;s database unreachable since")
                || page.body().contains("fmd's database unreachable since"), page.body());
        assertTrue(page.body().contains("SQLState 08001"), "the page says what the database answered");
        assertEquals(5, client.dashboardFigure("queued"), "memory is bounded by fmd.queue-capacity");
        assertEquals(25, client.dashboardFigure("dropped"), "what did not fit is counted");
    }
}
