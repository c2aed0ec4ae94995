package dev.fmd.it.queries;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An endpoint that gets no request. */
@Path("items")
public class ItemResource {

    @GET
    public String list() {
        return "[]";
    }
}
