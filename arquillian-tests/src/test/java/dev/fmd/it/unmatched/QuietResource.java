package dev.fmd.it.unmatched;

import dev.fmd.Unmonitored;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource the application keeps out of fmd: its requests are not recorded, whatever ends them. */
@Path("quiet")
@Unmonitored
public class QuietResource {

    @GET
    public String get() {
        return "quiet";
    }
}
