package dev.fmd.it.tiny;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Answers with the status it is asked for, or fails: requests of every status class for the metrics test. */
@Path("status")
public class StatusResource {

    /** Its route has a backslash, which a metrics label must escape. */
    @GET
    @Path("{code: \\d+}")
    public Response status(@PathParam("code") int code) {
        return Response.status(code).entity("status " + code).build();
    }

    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("failing on purpose");
    }
}
