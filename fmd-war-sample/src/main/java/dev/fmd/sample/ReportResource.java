package dev.fmd.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.ThreadLocalRandom;

/** Slow endpoints: one waits on a "database", two burn CPU (one of them through a few levels of calls). */
@Path("reports")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ReportResource {

    /** Waits like a slow query would, {@code ms} milliseconds give or take 20%. */
    @GET
    @Path("sales")
    public String sales(@QueryParam("ms") @DefaultValue("300") int ms) throws InterruptedException {
        long wait = Math.max(0, (long) (ms * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
        Thread.sleep(wait);
        return "sales report after " + wait + " ms";
    }

    /** CPU-bound: counts the primes below {@code n}. */
    @GET
    @Path("primes")
    public String primes(@QueryParam("n") @DefaultValue("200000") int n) {
        int count = 0;
        for (int candidate = 2; candidate < n; candidate++) {
            if (isPrime(candidate)) {
                count++;
            }
        }
        return count + " primes below " + n;
    }

    /** CPU-bound through a few levels of calls: fits {@code points} simulated past sales and predicts {@code days}. */
    @GET
    @Path("forecast")
    public String forecast(@QueryParam("points") @DefaultValue("20000") int points,
                           @QueryParam("days") @DefaultValue("30") int days) {
        return String.format(java.util.Locale.ROOT, "%.1f sales on day %d", Forecast.predict(Math.max(100, points),
                days), days);
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
