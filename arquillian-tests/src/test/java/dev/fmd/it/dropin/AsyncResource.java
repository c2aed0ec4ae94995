package dev.fmd.it.dropin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Asynchronous resources: their responses complete on another thread, long after the method returned. */
@Path("async")
public class AsyncResource {

    @GET
    @Path("suspended")
    public void suspended(@QueryParam("ms") int ms, @Suspended AsyncResponse response) {
        CompletableFuture.runAsync(() -> response.resume("resumed after " + ms),
                CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }

    @GET
    @Path("stage")
    public CompletionStage<String> stage(@QueryParam("ms") int ms) {
        return CompletableFuture.supplyAsync(() -> "completed after " + ms,
                CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }
}
