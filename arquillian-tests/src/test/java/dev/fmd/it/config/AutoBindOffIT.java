package dev.fmd.it.config;

import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TinyApp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code fmd.auto-bind=false}: only what carries {@code @Monitored} is measured. */
@ExtendWith(ArquillianExtension.class)
class AutoBindOffIT {

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        return TinyApp.war(Map.of("fmd.auto-bind", "false"));
    }

    @Test
    void onlyMonitoredClassesAndMethodsAreEndpointsAndMeasured() {
        FmdClient client = new FmdClient(deployment, "tiny");
        for (String path : List.of("tiny/echo", "tiny/picked", "tiny/mixed/chosen", "tiny/mixed/ignored")) {
            assertEquals(200, client.get(path).statusCode(), path);
        }
        List<JsonObject> endpoints = client.awaitEndpointRows(rows -> rows.size() >= 2);
        assertEquals(Set.of("PickedResource.picked", "MixedResource.chosen"),
                endpoints.stream().map(r -> text(r, "name")).collect(Collectors.toSet()));
        assertEquals(1, client.awaitRequestRows("PickedResource.picked", rows -> rows.size() == 1).size());
        assertEquals(1, client.awaitRequestRows("MixedResource.chosen", rows -> rows.size() == 1).size());
    }
}
