package dev.fmd.it.queries;

import dev.fmd.Unmonitored;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.Dimension;
import dev.fmd.query.DimensionQueries;
import dev.fmd.query.EndpointQueries;
import dev.fmd.query.PerformanceQueries;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.RequestQueries;
import dev.fmd.query.StatusQueries;
import dev.fmd.query.TimeWindow;
import dev.fmd.query.UsageQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deployed into the test WAR only: puts the test's requests into fmd's real queue, so that fmd's own writer stores
 * them and builds the rollups, and answers with what fmd's query services (the beans the dashboard pages inject)
 * return, as {@link RecordJson}. {@link Unmonitored}, so it never adds requests itself.
 * <p>
 * Windows are given as {@code from} and {@code to} (ISO instants) and an optional {@code instance}; endpoints by
 * name. A call the service refuses with {@link IllegalArgumentException} answers 400 with its message.
 */
@Path("query-probe")
@Unmonitored
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueriesProbe {

    @Inject
    Monitor monitor;
    @Inject
    EndpointQueries endpoints;
    @Inject
    UsageQueries usage;
    @Inject
    PerformanceQueries performance;
    @Inject
    DimensionQueries dimensions;
    @Inject
    RequestQueries requests;
    @Inject
    StatusQueries status;
    @Context
    UriInfo uri;

    /**
     * Offers the requests to fmd's queue in start order, as the monitor does when requests end.
     *
     * @param body the requests, as {@link RecordJson} of {@link SeededRequest}s
     * @return how many the queue took (all of them, unless it was full)
     */
    @POST
    @Path("seed")
    @Consumes(MediaType.APPLICATION_JSON)
    public String seed(String body) {
        List<SeededRequest> seeds = new ArrayList<>(RecordJson.readList(body, SeededRequest.class));
        seeds.sort(Comparator.comparing(SeededRequest::time));
        int taken = 0;
        for (SeededRequest seed : seeds) {
            if (monitor.queue().offer(seed.record(endpoint(seed.endpoint())))) {
                taken++;
            }
        }
        return String.valueOf(taken);
    }

    /**
     * @param query     the service method, e.g. {@code hourly-load} for {@link UsageQueries#hourlyLoad}
     * @param endpoint  the endpoint's name, for the methods of one endpoint (and the heatmap of one)
     * @param dimension users or IPs
     * @param zone      the time zone of the heatmap
     * @param now       the "now" of the overview
     * @return what the method answers for the window of the query parameters
     */
    @GET
    @Path("{query}")
    public String query(@PathParam("query") String query, @QueryParam("endpoint") String endpoint,
                        @QueryParam("dimension") Dimension dimension, @QueryParam("zone") String zone,
                        @QueryParam("now") String now) {
        TimeWindow window = window();
        return RecordJson.write(switch (query) {
            case "overview" -> endpoints.overview(window, Instant.parse(now));
            case "hourly-load" -> endpoint == null ? usage.hourlyLoad(window, ZoneId.of(zone))
                    : usage.hourlyLoad(id(endpoint), window, ZoneId.of(zone));
            case "daily-hits" -> usage.dailyHits(window);
            case "daily-versions" -> usage.dailyVersions(window);
            case "version-shares" -> usage.versionShares(window);
            case "endpoint-performance" -> performance.endpoints(window);
            case "version-performance" -> performance.versions(id(endpoint), window);
            case "hourly" -> performance.hourly(id(endpoint), window);
            case "daily" -> performance.daily(id(endpoint), window);
            case "by-version" -> dimensions.byVersion(id(endpoint), dimension, window);
            case "by-value" -> dimensions.byValue(id(endpoint), dimension, window);
            case "status-codes" -> dimensions.statusCodes(id(endpoint), window);
            default -> throw new NotFoundException("no query " + query);
        });
    }

    /** A page of the endpoint's requests: in a window when {@code from} is given, after a cursor when one is. */
    @GET
    @Path("requests")
    public Response requests(@QueryParam("endpoint") String endpoint, @QueryParam("beforeTime") String beforeTime,
                             @QueryParam("beforeId") long beforeId, @QueryParam("size") int size) {
        TimeWindow window = uri.getQueryParameters().containsKey("from") ? window() : null;
        RequestCursor before = beforeTime == null ? null : new RequestCursor(Instant.parse(beforeTime), beforeId);
        try {
            return Response.ok(RecordJson.write(requests.requests(id(endpoint), window, before, size))).build();
        } catch (IllegalArgumentException refused) {
            return Response.status(Response.Status.BAD_REQUEST).entity(refused.getMessage()).build();
        }
    }

    @GET
    @Path("status")
    public String status() {
        return RecordJson.write(status.status());
    }

    /** @return the window of the query parameters {@code from}, {@code to} and {@code instance} */
    private TimeWindow window() {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        return new TimeWindow(Instant.parse(parameters.getFirst("from")), Instant.parse(parameters.getFirst("to")))
                .on(parameters.getFirst("instance"));
    }

    private long id(String endpoint) {
        return endpoint(endpoint).id();
    }

    private Endpoint endpoint(String name) {
        return monitor.endpoints().all().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no endpoint " + name + " in "
                        + monitor.endpoints().all()));
    }
}
