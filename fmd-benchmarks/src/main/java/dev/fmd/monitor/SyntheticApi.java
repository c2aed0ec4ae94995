package dev.fmd.monitor;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.util.List;

/**
 * The 100 endpoints of the data generator: ten resource classes of a shop API, each with the ten resource methods of
 * {@link Resource} (endpoints {@code Orders.list}, {@code GET /orders}, ...), registered with
 * {@link EndpointRegistry#registerRoots} as the servlet initializer does in a container. Never called: only their
 * JAX-RS annotations matter.
 */
public final class SyntheticApi {

    /** Every resource class, in a fixed order. */
    public static final List<Class<?>> RESOURCES = List.of(Orders.class, Customers.class, Products.class,
            Carts.class, Payments.class, Shipments.class, Invoices.class, Reviews.class, Inventory.class,
            Reports.class);

    private SyntheticApi() {
    }

    /** The resource methods every class inherits, with their JAX-RS annotations. */
    public abstract static class Resource {
        @GET public void list() { }
        @GET @Path("{id}") public void get() { }
        @POST public void create() { }
        @PUT @Path("{id}") public void update() { }
        @DELETE @Path("{id}") public void delete() { }
        @GET @Path("search") public void search() { }
        @GET @Path("{id}/history") public void history() { }
        @POST @Path("export") public void export() { }
        @PATCH @Path("{id}") public void patch() { }
        @GET @Path("stats") public void stats() { }
    }

    @Path("orders") public static class Orders extends Resource { }
    @Path("customers") public static class Customers extends Resource { }
    @Path("products") public static class Products extends Resource { }
    @Path("carts") public static class Carts extends Resource { }
    @Path("payments") public static class Payments extends Resource { }
    @Path("shipments") public static class Shipments extends Resource { }
    @Path("invoices") public static class Invoices extends Resource { }
    @Path("reviews") public static class Reviews extends Resource { }
    @Path("inventory") public static class Inventory extends Resource { }
    @Path("reports") public static class Reports extends Resource { }
}
