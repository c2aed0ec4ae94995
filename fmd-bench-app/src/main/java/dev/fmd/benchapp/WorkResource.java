package dev.fmd.benchapp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * CPU-bound endpoints of a chosen cost, request-scoped as resources of many apps are: {@code GET /api/work/cpu?n=N}
 * counts the primes below N by trial division (about 0.1 ms of CPU at n=5000 and 0.6 ms at n=20000 on the machine
 * of docs/performance.md), {@code GET /api/work/trivial} does nothing.
 */
@Path("work")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class WorkResource {

    @GET
    @Path("cpu")
    public String cpu(@QueryParam("n") @DefaultValue("5000") int n) {
        int count = 0;
        for (int candidate = 2; candidate < n; candidate++) {
            if (isPrime(candidate)) {
                count++;
            }
        }
        return Integer.toString(count);
    }

    @GET
    @Path("trivial")
    public String trivial() {
        return "ok";
    }

    private static boolean isPrime(int candidate) {
        for (int divisor = 2; (long) divisor * divisor <= candidate; divisor++) {
            if (candidate % divisor == 0) {
                return false;
            }
        }
        return true;
    }
}
