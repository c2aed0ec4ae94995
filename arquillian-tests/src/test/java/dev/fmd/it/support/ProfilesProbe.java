package dev.fmd.it.support;

import dev.fmd.Unmonitored;
import dev.fmd.it.queries.RecordJson;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.OutlierQueries;
import dev.fmd.query.ProfileQueries;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.TimeWindow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;

import java.sql.Connection;
import java.time.Instant;

/**
 * Deployed into a test WAR with {@link SeededProfiles} and {@link RecordJson} (and {@link FmdRowsProbe}, which
 * {@link TestWars#configured} adds), under its JAX-RS application: inserts
 * {@link SeededProfiles}' rows into fmd's tables and answers with what fmd's {@link ProfileQueries} and
 * {@link OutlierQueries} (the beans the dashboard pages inject) return, as {@link RecordJson}. {@link Unmonitored}.
 * <p>
 * Parameters: {@code endpoint} an endpoint's name (optional for the outlier lists: the whole app), {@code from},
 * {@code to} (ISO instants) and {@code instance} a window (none without {@code from}), {@code beforeTime} and
 * {@code beforeId} a cursor, {@code size}/{@code count}/{@code requests} how many, {@code version}, {@code id}.
 */
@Path("profiles-probe")
@Unmonitored
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProfilesProbe {

    @Inject
    Monitor monitor;
    @Inject
    ProfileQueries profiles;
    @Inject
    OutlierQueries outliers;
    @Context
    UriInfo uri;

    /**
     * @param base the base of {@link SeededProfiles}, an ISO instant
     * @param p    the name of the profiled endpoint
     * @param q    the name of the other one
     * @return {@code {}} once the rows are in
     */
    @POST
    @Path("seed")
    public String seed(@QueryParam("base") String base, @QueryParam("p") String p, @QueryParam("q") String q)
            throws Exception {
        try (Connection connection = FmdRowsProbe.dataSource().getConnection()) {
            new SeededProfiles(Instant.parse(base)).insert(connection, FmdRowsProbe.table(""), id(p), id(q));
        }
        return "{}";
    }

    /** @return what the query method of that name answers for the parameters */
    @GET
    @Path("{query}")
    public String query(@PathParam("query") String query, @QueryParam("endpoint") String endpoint,
                        @QueryParam("size") int size, @QueryParam("version") String version,
                        @QueryParam("id") long id) {
        TimeWindow window = window();
        RequestCursor before = cursor();
        return RecordJson.write(switch (query) {
            case "profiled-requests" -> profiles.profiledRequests(id(endpoint), window, before, size);
            case "slowest-profiled" -> profiles.slowestProfiled(id(endpoint), window, size);
            case "profiled-request" -> profiles.profiledRequest(id).orElse(null);
            case "tree" -> profiles.tree(id);
            case "grouped" -> profiles.grouped(id(endpoint), window, version, size);
            case "profiled-versions" -> profiles.profiledVersions(id(endpoint), window);
            case "outliers" -> outliers.outliers(endpoint == null ? null : id(endpoint), window, before, size);
            case "slowest-outliers" -> outliers.slowestOutliers(endpoint == null ? null : id(endpoint), window,
                    size);
            case "outlier" -> outliers.outlier(id).orElse(null);
            default -> throw new NotFoundException("no query " + query);
        });
    }

    private TimeWindow window() {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        return parameters.containsKey("from") ? new TimeWindow(Instant.parse(parameters.getFirst("from")),
                Instant.parse(parameters.getFirst("to"))).on(parameters.getFirst("instance")) : null;
    }

    private RequestCursor cursor() {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        return parameters.containsKey("beforeTime") ? new RequestCursor(
                Instant.parse(parameters.getFirst("beforeTime")), Long.parseLong(parameters.getFirst("beforeId")))
                : null;
    }

    private long id(String endpoint) {
        return monitor.endpoints().all().stream().filter(e -> e.name().equals(endpoint)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no endpoint " + endpoint)).id();
    }
}
