package dev.fmd.it.config;

import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TinyApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fmd.enabled=false}: the application runs, fmd measures nothing and creates no table. */
@ExtendWith(ArquillianExtension.class)
class DisabledIT {

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        return TinyApp.war(Map.of("fmd.enabled", "false"));
    }

    @Test
    void applicationRunsAndNothingIsMeasuredOrCreated() {
        FmdClient client = new FmdClient(deployment, "tiny");
        assertEquals("echo", client.get("tiny/echo").body());
        assertEquals("picked", client.get("tiny/picked").body());
        HttpResponse<String> page = client.page("fmd");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("fmd is disabled"), page.body());
        FmdClient.sleep(1500);
        assertNotEquals(200, client.get("tiny/fmd-probe/endpoints").statusCode(), "no fmd table was created");
    }
}
