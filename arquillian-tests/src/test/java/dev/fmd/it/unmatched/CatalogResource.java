package dev.fmd.it.unmatched;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** The catalog: a sub-resource locator that fails with a 404 for an id that is no UUID. */
@Path("catalog")
public class CatalogResource {

    @Path("{id}")
    public CatalogEntry entry(@PathParam("id") String id) {
        try {
            return new CatalogEntry(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no catalog entry " + id);
        }
    }
}
