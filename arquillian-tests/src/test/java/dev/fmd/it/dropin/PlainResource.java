package dev.fmd.it.dropin;

import dev.fmd.Unmonitored;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** No scope, no bean-defining annotation, no beans.xml: CDI never sees this class; JAX-RS creates it. */
@Path("plain")
public class PlainResource {

    @GET
    @Path("hello")
    public String hello() {
        return "hello";
    }

    /** Mapped to 422 by the application's {@link RejectionMapper}. */
    @GET
    @Path("reject")
    public String reject() {
        throw new IllegalArgumentException("rejected");
    }

    /** Nobody maps this one: the client gets a 500. */
    @GET
    @Path("boom")
    public String boom() {
        throw new UnsupportedOperationException("boom");
    }

    /** Needs an API key: the application's {@link ApiKeyFilter} answers 401 without one. */
    @GET
    @Path("secret")
    @ApiKeyRequired
    public String secret() {
        return "secret";
    }

    @GET
    @Path("quiet")
    @Unmonitored
    public String quiet() {
        return "quiet";
    }
}
