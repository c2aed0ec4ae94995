package dev.fmd.it.tiny;

import dev.fmd.Monitored;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** One method monitored explicitly, one not. */
@Path("mixed")
public class MixedResource {

    @GET
    @Path("chosen")
    @Monitored
    public String chosen() {
        return "chosen";
    }

    @GET
    @Path("ignored")
    public String ignored() {
        return "ignored";
    }
}
