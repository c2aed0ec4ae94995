package dev.fmd.it.tiny;

import dev.fmd.Monitored;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Monitored as a whole, also without auto-binding. */
@Path("picked")
@Monitored
@RequestScoped
public class PickedResource {

    @GET
    public String picked() {
        return "picked";
    }
}
