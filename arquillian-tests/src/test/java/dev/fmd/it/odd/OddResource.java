package dev.fmd.it.odd;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One endpoint per odd way for a request to end; each is at level 3 in the test (profiled and watched for outliers).
 */
@Path("requests")
@ApplicationScoped
public class OddResource {

    /** The large responses, 1 MB: more than the socket buffers take at once, so writing fails once the client left. */
    private static final byte[] LARGE = new byte[1024 * 1024];
    private static final int CHUNK = 64 * 1024;
    private static final byte[] LATE = Arrays.copyOf(LARGE, CHUNK);

    static {
        Arrays.fill(LARGE, (byte) 'x');
    }

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /** @throws IllegalStateException always: no mapper, the client gets a 500 */
    @GET
    @Path("throws")
    public String fails() {
        throw new IllegalStateException("the resource failed");
    }

    /** @return "ok" after {@link FailingRequestFilter} threw, which it always does: never reached */
    @GET
    @Path("request-filter-throws")
    @FailingRequestFilter.Bound
    public String requestFilterThrows() {
        return "ok";
    }

    /** @return "ok", which {@link FailingResponseFilter} turns into a 500 by throwing */
    @GET
    @Path("response-filter-throws")
    @FailingResponseFilter.Bound
    public String responseFilterThrows() {
        return "ok";
    }

    /** @return "ok", after which {@link FailingServletFilter} throws */
    @GET
    @Path("servlet-filter-throws")
    public String servletFilterThrows() {
        return "ok";
    }

    /** @return the large response, streamed: the client leaves after the first bytes */
    @GET
    @Path("large")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public StreamingOutput large() {
        return out -> {
            for (int written = 0; written < LARGE.length; written += CHUNK) {
                out.write(LARGE, written, CHUNK);
                out.flush();
            }
        };
    }

    /** @param response suspended for 5 ms, with no timeout handler: the runtime answers 503 */
    @GET
    @Path("async-timeout")
    public void asyncTimeout(@Suspended AsyncResponse response) {
        response.setTimeout(5, TimeUnit.MILLISECONDS);
    }

    /** @param response resumed 5 ms later, from another thread, with 64 KB */
    @GET
    @Path("async-late")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public void asyncLate(@Suspended AsyncResponse response) {
        scheduler.schedule(() -> response.resume(LATE), 5, TimeUnit.MILLISECONDS);
    }

    /** @param response resumed at once, from another thread, with an exception: a 500 */
    @GET
    @Path("async-throws")
    public void asyncThrows(@Suspended AsyncResponse response) {
        scheduler.execute(() -> response.resume(new IllegalStateException("the async resource failed")));
    }
}
