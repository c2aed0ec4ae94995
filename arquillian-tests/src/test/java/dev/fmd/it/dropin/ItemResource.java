package dev.fmd.it.dropin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;

/** A sub-resource, created by {@link CatalogLocator} for each request. */
public class ItemResource {

    private final String id;

    public ItemResource(String id) {
        this.id = id;
    }

    @GET
    public String get() {
        return "item " + id;
    }

    @DELETE
    public Response delete() {
        return Response.noContent().build();
    }
}
