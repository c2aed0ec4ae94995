package dev.fmd.it.tiny;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Not annotated for fmd. */
@Path("echo")
public class EchoResource {

    @GET
    public String echo() {
        return "echo";
    }
}
