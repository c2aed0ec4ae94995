package dev.fmd.it.queries;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The endpoint whose few requests are placed at hour and day boundaries. */
@Path("reports")
public class ReportResource {

    @GET
    @Path("nightly")
    public String nightly() {
        return "{}";
    }
}
