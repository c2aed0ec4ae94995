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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A datasource name that resolves to nothing stops the deployment, naming {@code fmd.datasource}. */
@ExtendWith(ArquillianExtension.class)
class UnknownDatasourceIT {

    private static final String NAME = "java:app/jdbc/missing-" + UUID.randomUUID();

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        return TinyApp.war(Map.of("fmd.datasource", NAME));
    }

    @Test
    void deploymentFailsNamingTheKeyAndTheValue() throws Exception {
        assertEquals(404, new FmdClient(deployment, "tiny").get("tiny/echo").statusCode(),
                "the application must not be deployed");
        assertTrue(TinyApp.serverLogContains("fmd.datasource=" + NAME + ": expected the JNDI name of a DataSource"),
                "server log names the key and the value");
    }
}
