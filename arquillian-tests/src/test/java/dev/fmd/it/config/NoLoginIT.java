package dev.fmd.it.config;

import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TinyApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No password and no role configured: there is no default password, and the login says what to set. */
@ExtendWith(ArquillianExtension.class)
class NoLoginIT {

    private static final String WHAT_TO_SET = "Nobody can log in to fmd&#39;s dashboard: no password and no role is set";

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        return TinyApp.war(Map.of("fmd.password", ""));
    }

    @Test
    void everyLoginIsRefusedWithWhatToSetOnThePageAndOnceInTheLog() throws IOException {
        FmdClient client = new FmdClient(deployment, "tiny");
        assertEquals(200, client.get("tiny/echo").statusCode());
        long logged = TinyApp.serverLogCount("Nobody can log in to fmd's dashboard");
        assertTrue(logged >= 1, "the deployment logs what to set");

        HttpResponse<String> page = client.get("fmd/index.xhtml");
        assertTrue(page.uri().getPath().endsWith("/fmd/login"), "a page sends to the login: " + page.uri());
        assertTrue(page.body().contains(WHAT_TO_SET) && page.body().contains("fmd.password"), page.body());
        for (String user : new String[] {"admin", "guest", "root"}) {
            for (String password : new String[] {"", "admin", "password", "guest"}) {
                HttpResponse<String> login = client.postForm(page.uri().getPath().substring(1), "username", user,
                        "password", password);
                assertEquals(403, login.statusCode(), user + "/" + password);
                assertTrue(login.body().contains(WHAT_TO_SET), login.body());
            }
        }
        HttpResponse<String> after = client.get("fmd/index.xhtml");
        assertTrue(after.uri().getPath().endsWith("/fmd/login"), "still no way in: " + after.uri());
        assertFalse(after.body().contains("EchoResource"), "no data shown");
        assertEquals(401, client.get("fmd/api/endpoints").statusCode());
        assertEquals(logged, TinyApp.serverLogCount("Nobody can log in to fmd's dashboard"),
                "logged once, not per page or login");
    }
}
