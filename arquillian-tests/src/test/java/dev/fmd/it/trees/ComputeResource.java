package dev.fmd.it.trees;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** A CPU-bound endpoint: pure computation, no sleep, no I/O. */
@Path("compute")
@RequestScoped
public class ComputeResource {

    /** Thread CPU time one request spends, however fast this machine computes. */
    static final long CPU_NANOS = 15_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Computes in {@link #crunch(long)} until 15 ms of this thread's CPU time have passed. */
    @GET
    public String compute() {
        long until = THREADS.getCurrentThreadCpuTime() + CPU_NANOS;
        long result = 1;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            result = crunch(result);
        }
        return "computed " + (result & 0xff);
    }

    /** A fraction of a millisecond of arithmetic. */
    long crunch(long seed) {
        long h = seed;
        for (int i = 0; i < 100_000; i++) {
            h = h * 31 + (i ^ (h >>> 7));
        }
        return h;
    }
}
