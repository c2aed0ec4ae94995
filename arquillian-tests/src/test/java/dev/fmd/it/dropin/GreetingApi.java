package dev.fmd.it.dropin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The JAX-RS annotations live on the interface only. */
@Path("greetings")
public interface GreetingApi {

    @GET
    @Path("{name}")
    String greet(@PathParam("name") String name);
}
