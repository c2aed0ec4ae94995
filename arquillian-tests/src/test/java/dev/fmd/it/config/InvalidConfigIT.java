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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrong values stop the deployment, with one message that names each key, its value and what is expected. */
@ExtendWith(ArquillianExtension.class)
class InvalidConfigIT {

    /** Unique to this run, so that the message found in the log is this deployment's. */
    private static final int FLUSH_INTERVAL = ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        return TinyApp.war(Map.of("fmd.monitor-level", "7", "fmd.sampling-period", "-1",
                "fmd.flush-interval", String.valueOf(FLUSH_INTERVAL)));
    }

    @Test
    void deploymentFailsWithAMessageNamingEveryWrongKey() throws Exception {
        assertEquals(404, new FmdClient(deployment, "tiny").get("tiny/echo").statusCode(),
                "the application must not be deployed");
        String message = "fmd.monitor-level=7: expected an integer from 0 to 3; fmd.sampling-period=-1: expected an "
                + "integer from 0 to 60000; fmd.flush-interval=" + FLUSH_INTERVAL
                + ": expected an integer from 10 to 60000";
        assertTrue(TinyApp.serverLogContains(message), "server log names the keys: " + message);
    }
}
