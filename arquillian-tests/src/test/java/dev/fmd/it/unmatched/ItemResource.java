package dev.fmd.it.unmatched;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Items: a typed query parameter, a Bean Validation constraint, a method that consumes JSON only. */
@Path("items")
public class ItemResource {

    @GET
    @Path("{id}")
    public String get(@PathParam("id") long id) {
        return "item " + id;
    }

    @GET
    public String list(@QueryParam("limit") int limit) {
        return "items up to " + limit;
    }

    @GET
    @Path("search")
    public String search(@QueryParam("q") @NotNull @Size(min = 3) String q) {
        return "found " + q;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        return Response.status(Response.Status.CREATED).build();
    }
}
