package dev.fmd.monitor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import dev.fmd.Unmonitored;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which endpoint a request that reached no resource method was going to, and where it goes otherwise. */
class RouteTest {

    @Path("items")
    public static class ItemResource {
        @GET
        @Path("{id: \\d{1,6}}")
        public String get(@PathParam("id") long id) {
            return "";
        }

        @GET
        @Path("new")
        public String fresh() {
            return "";
        }

        @HEAD
        @Path("new")
        public void freshHead() {
        }

        @GET
        @Path("{name}/{part}")
        public String part() {
            return "";
        }

        @GET
        @Path("{a}/{b}")
        public String samePart() {
            return "";
        }

        @GET
        @Path("quiet")
        @Unmonitored
        public String quiet() {
            return "";
        }
    }

    private final EndpointRegistry registry = registry();

    private static EndpointRegistry registry() {
        EndpointRegistry registry = new EndpointRegistry(new MonitoringPolicy(true), 2);
        registry.applicationPath("api");
        registry.registerRoots(Set.of(ItemResource.class));
        return registry;
    }

    private String route(String method, String path) {
        return registry.routeFor(method, path).map(r -> r.endpoint().map(Endpoint::name).orElse("unmonitored"))
                .orElse("none");
    }

    @Test
    void theRouteWithTheMostLiteralCharactersWinsAsInJaxRs() {
        assertEquals("ItemResource.get", route("GET", "/api/items/42"));
        assertEquals("ItemResource.get", route("GET", "/api/items/42;jsessionid=x/"));
        assertEquals("ItemResource.fresh", route("GET", "/api/items/new"));
        assertEquals("ItemResource.freshHead", route("HEAD", "/api/items/new"), "the very method before GET");
        assertEquals("ItemResource.get", route("HEAD", "/api/items/7"), "HEAD goes to GET");
        assertEquals("unmonitored", route("GET", "/api/items/quiet"));
    }

    @Test
    void noRouteOrSeveralEquallyGoodOnesNameNoEndpoint() {
        assertEquals("none", route("GET", "/api/items/1234567"), "the template's own expression");
        assertEquals("none", route("DELETE", "/api/items/42"));
        assertEquals("none", route("GET", "/api/items/a/b"), "two templates fit as well");
        assertEquals("none", route("GET", "/api/orders"));
    }

    @Test
    void unmatchedRequestsShareOnePseudoEndpointPerMethodAndTemplateUpToTheCap() {
        Endpoint first = registry.unmatched("GET", "/api/nothing/1");
        assertEquals("(unmatched) (GET /api/nothing/{})", first.toString());
        assertEquals(first, registry.unmatched("GET", "/api/nothing/2;x=y"));
        assertEquals(1, first.level());
        first.level(3);
        assertEquals(1, first.level(), "never profiled nor watched for outliers");
        assertEquals("OTHER", registry.unmatched("BREW", "/pot").httpMethod());
        for (int i = 0; i < 10_000; i++) {
            registry.unmatched(i % 2 == 0 ? "GET" : "POST", "/scan/" + Integer.toString(i, 26).replaceAll("\\d", "x")
                    + "z".repeat(i % 7) + "/" + (char) ('a' + i % 26));
        }
        Set<String> unmatched = registry.all().stream().filter(e -> e.name().equals(Endpoint.UNMATCHED))
                .map(e -> e.httpMethod() + " " + e.path()).collect(Collectors.toSet());
        assertEquals(EndpointRegistry.MAX_UNMATCHED_TEMPLATES + 2, unmatched.size(), "and one other per method");
        assertTrue(unmatched.containsAll(Set.of("GET (other paths)", "POST (other paths)")), unmatched.toString());
        assertEquals(Optional.empty(), registry.routeFor("GET", "/scan/a"), "pseudo-endpoints are no routes");
    }
}
