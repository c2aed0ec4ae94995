package dev.fmd.it.secrets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Endpoints that take secrets wherever a client can put them. Each answers its first {@link #WARM_UPS} requests at
 * once and sleeps {@link #SLOW_MS} in every later one, so that with {@code fmd.outlier-warmup} at {@link #WARM_UPS}
 * every later request is an outlier (even when its first request was slow, as a cold one may be) and its whole
 * context is stored.
 */
@Path("")
@RequestScoped
public class SecretsResource {

    /** How many requests of an endpoint are answered at once. */
    public static final int WARM_UPS = 3;
    /** How long every later request takes. */
    public static final int SLOW_MS = 1000;

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    /** Headers, cookies, query and matrix parameters: nothing read, everything still sent. */
    @GET
    @Path("echo")
    public String echo() throws InterruptedException {
        return pace("echo");
    }

    /** Reads the form through the servlet request, so that the parameters are there for fmd too afterwards. */
    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@Context HttpServletRequest request) throws InterruptedException {
        String password = request.getParameter("password");
        return pace("form") + (password == null ? 0 : password.length());
    }

    @POST
    @Path("json")
    @Consumes(MediaType.APPLICATION_JSON)
    public String json(JsonObject body) throws InterruptedException {
        return pace("json") + body.size();
    }

    @GET
    @Path("reset/{token}")
    public String reset(@PathParam("token") String token) throws InterruptedException {
        return pace("reset") + token.length();
    }

    @GET
    @Path("token/{value}")
    public String token(@PathParam("value") String value) throws InterruptedException {
        return pace("token") + value.length();
    }

    private static String pace(String endpoint) throws InterruptedException {
        if (CALLS.computeIfAbsent(endpoint, e -> new AtomicInteger()).getAndIncrement() >= WARM_UPS) {
            Thread.sleep(SLOW_MS);
        }
        return "ok ";
    }
}
