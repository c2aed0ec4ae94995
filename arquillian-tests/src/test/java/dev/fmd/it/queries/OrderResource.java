package dev.fmd.it.queries;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Two endpoints on one path: {@code GET /shop/orders} and {@code POST /shop/orders}. */
@Path("orders")
public class OrderResource {

    @GET
    public String list() {
        return "[]";
    }

    @POST
    public String create() {
        return "{}";
    }
}
