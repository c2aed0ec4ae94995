package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** With Jersey's client (the one Payara and Arquillian's Payara containers bring). */
class FmdTestClientFilterTest {

    private static final CurrentTest.Running TEST = new CurrentTest.Running("com.acme.OrderIT#places", "run-9", "tok");

    @Test
    void theFilterTagsRequestsOfTheCurrentTest() throws Exception {
        try (LocalDashboard app = new LocalDashboard()) {
            Client client = ClientBuilder.newBuilder().property("jakarta.ws.rs.loadServices", false).build()
                    .register(new FmdTestClientFilter());
            try (CurrentTest.Handle handle = CurrentTest.start(TEST)) {
                get(client, app.url("/api/products"));
            }
            get(client, app.url("/api/orders"));
            client.close();
            LocalDashboard.Request tagged = app.requestsTo("/api/products").get(0);
            assertEquals("com.acme.OrderIT#places", tagged.header("X-Fmd-Test"));
            assertEquals("run-9", tagged.header("X-Fmd-Test-Run"));
            assertEquals("tok", tagged.header("X-Fmd-Test-Token"));
            assertNull(app.requestsTo("/api/orders").get(0).header("X-Fmd-Test"));
        }
    }

    @Test
    void jerseyRegistersTheFilterThroughTheFeatureInMetaInfServices() throws Exception {
        try (LocalDashboard app = new LocalDashboard()) {
            Client client = ClientBuilder.newClient();
            try (CurrentTest.Handle handle = CurrentTest.start(TEST)) {
                get(client, app.url("/api/products"));
            }
            client.close();
            assertEquals("com.acme.OrderIT#places", app.requestsTo("/api/products").get(0).header("X-Fmd-Test"));
        }
    }

    private static void get(Client client, String url) {
        try (Response response = client.target(url).request().get()) {
            assertEquals(201, response.getStatus());
        }
    }
}
