package dev.fmd.it.dropin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A sub-resource locator: requests to {@code catalog/items/{id}} are served by an {@link ItemResource}. */
@Path("catalog")
public class CatalogLocator {

    @Path("items/{id}")
    public ItemResource item(@PathParam("id") String id) {
        return new ItemResource(id);
    }
}
