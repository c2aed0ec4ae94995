package dev.fmd.monitor;

import dev.fmd.Monitored;
import dev.fmd.Unmonitored;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointRegistryTest {

    @Path("/orders/")
    public static class OrderResource {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}")
        public String get(@PathParam("id") long id) {
            return "";
        }

        @DELETE
        @Path("{id}")
        @Unmonitored
        public void delete(@PathParam("id") long id) {
        }

        @Path("{id}/lines")
        public LineResource lines() {
            return new LineResource();
        }

        public String helper() {
            return "";
        }
    }

    public static class LineResource {
        @GET
        public String all() {
            return "";
        }

        @POST
        @Path("/{line}")
        public String add() {
            return "";
        }
    }

    @Path("shapes")
    public interface ShapeApi {
        @GET
        @Path("{kind}")
        String shape(@PathParam("kind") String kind);
    }

    public static class ShapeResource implements ShapeApi {
        @Override
        public String shape(String kind) {
            return kind;
        }
    }

    @Path("overloads")
    public static class Overloads {
        @GET
        public String find() {
            return "";
        }

        @GET
        @Path("{q}")
        public String find(@PathParam("q") String q) {
            return "";
        }
    }

    @Path("picked")
    public static class Picked {
        @GET
        @Monitored
        public String chosen() {
            return "";
        }

        @GET
        @Path("other")
        public String other() {
            return "";
        }
    }

    private final EndpointRegistry registry = new EndpointRegistry(new MonitoringPolicy(true), 2);

    @Test
    void rootResourceRegistersAllItsEndpointsAndThoseBehindItsLocators() throws Exception {
        registry.applicationPath("/api/");
        registry.endpointFor(OrderResource.class, OrderResource.class.getMethod("list"));
        assertEquals(Set.of(
                "OrderResource.list GET /api/orders",
                "OrderResource.get GET /api/orders/{id}",
                "LineResource.all GET /api/orders/{id}/lines",
                "LineResource.add POST /api/orders/{id}/lines/{line}"), routes());
        assertTrue(registry.all().stream().allMatch(e -> e.level() == 2), "the default level");
        assertEquals(4, registry.takeUnsaved().size(), "each new endpoint is queued once for the store");
        assertTrue(registry.takeUnsaved().isEmpty());
    }

    @Test
    void theSubResourceMethodFoundLaterIsTheSameEndpoint() throws Exception {
        registry.registerRoots(List.of(OrderResource.class));
        Endpoint fromWalk = registry.all().stream().filter(e -> e.name().equals("LineResource.all")).findFirst()
                .orElseThrow();
        assertEquals(fromWalk, registry.endpointFor(LineResource.class, LineResource.class.getMethod("all"))
                .orElseThrow());
    }

    @Test
    void annotationsOnAnInterfaceCount() throws Exception {
        Endpoint endpoint = registry.endpointFor(ShapeResource.class,
                ShapeResource.class.getMethod("shape", String.class)).orElseThrow();
        assertEquals("ShapeResource.shape", endpoint.name());
        assertEquals("GET", endpoint.httpMethod());
        assertEquals("/shapes/{kind}", endpoint.path());
    }

    @Test
    void overloadedMethodsAreTellApartByTheirParameters() throws Exception {
        registry.endpointFor(Overloads.class, Overloads.class.getMethod("find"));
        assertEquals(Set.of("Overloads.find() GET /overloads", "Overloads.find(String) GET /overloads/{q}"),
                routes());
    }

    @Test
    void unmonitoredAndNonResourceMethodsAreNoEndpoints() throws Exception {
        assertTrue(registry.endpointFor(OrderResource.class,
                OrderResource.class.getMethod("delete", long.class)).isEmpty());
        assertTrue(registry.endpointFor(OrderResource.class, OrderResource.class.getMethod("helper")).isEmpty());
    }

    @Test
    void withoutAutoBindingOnlyMonitoredMethodsAreEndpoints() throws Exception {
        EndpointRegistry explicit = new EndpointRegistry(new MonitoringPolicy(false), 1);
        explicit.endpointFor(Picked.class, Picked.class.getMethod("chosen"));
        assertEquals(List.of("Picked.chosen"), explicit.all().stream().map(Endpoint::name).toList());
    }

    private Set<String> routes() {
        return registry.all().stream().map(e -> e.name() + " " + e.httpMethod() + " " + e.path())
                .collect(Collectors.toSet());
    }
}
