package dev.fmd.it.support;

import dev.fmd.it.queries.RecordJson;
import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.StackLine;
import dev.fmd.query.OutlierDetails;
import dev.fmd.query.OutlierPage;
import dev.fmd.query.OutlierSummary;
import dev.fmd.query.ProfiledPage;
import dev.fmd.query.ProfiledRequest;
import dev.fmd.query.ProfiledVersion;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.TimeWindow;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * fmd's profile and outlier queries in a deployed test WAR, called through its {@link ProfilesProbe}: each method
 * answers what the service method of the same name answered in the server. Endpoints are named, not numbered.
 */
public final class ProfilesClient {

    private final FmdClient client;
    private final String probe;

    /**
     * @param client          the WAR
     * @param applicationPath the application's {@code @ApplicationPath}, under which the probe answers
     */
    public ProfilesClient(FmdClient client, String applicationPath) {
        this.client = client;
        this.probe = applicationPath + "/profiles-probe/";
    }

    /** Inserts the rows of {@code new SeededProfiles(base)} for the endpoints P and Q of these names. */
    public void seed(Instant base, String p, String q) {
        HttpResponse<String> response = client.post(probe + "seed?base=" + base + "&p=" + encode(p) + "&q="
                + encode(q));
        if (response.statusCode() != 200) {
            throw new AssertionError("seeding answered " + response.statusCode() + ": " + response.body());
        }
    }

    public ProfiledPage profiledRequests(String endpoint, TimeWindow window, RequestCursor before, int size) {
        return object("profiled-requests?" + of(endpoint, window, before) + "&size=" + size, ProfiledPage.class);
    }

    public List<ProfiledRequest> slowestProfiled(String endpoint, TimeWindow window, int count) {
        return list("slowest-profiled?" + of(endpoint, window, null) + "&size=" + count, ProfiledRequest.class);
    }

    public Optional<ProfiledRequest> profiledRequest(long requestId) {
        return Optional.ofNullable(object("profiled-request?id=" + requestId, ProfiledRequest.class));
    }

    public List<StackLine> tree(long requestId) {
        return list("tree?id=" + requestId, StackLine.class);
    }

    public List<GroupedLine> grouped(String endpoint, TimeWindow window, String version, int requests) {
        return list("grouped?" + of(endpoint, window, null) + "&size=" + requests
                + (version == null ? "" : "&version=" + encode(version)), GroupedLine.class);
    }

    public List<ProfiledVersion> profiledVersions(String endpoint, TimeWindow window) {
        return list("profiled-versions?" + of(endpoint, window, null), ProfiledVersion.class);
    }

    public OutlierPage outliers(String endpoint, TimeWindow window, RequestCursor before, int size) {
        return object("outliers?" + of(endpoint, window, before) + "&size=" + size, OutlierPage.class);
    }

    public List<OutlierSummary> slowestOutliers(String endpoint, TimeWindow window, int count) {
        return list("slowest-outliers?" + of(endpoint, window, null) + "&size=" + count, OutlierSummary.class);
    }

    public Optional<OutlierDetails> outlier(long id) {
        return Optional.ofNullable(object("outlier?id=" + id, OutlierDetails.class));
    }

    private <T> List<T> list(String path, Class<T> type) {
        return RecordJson.readList(body(client.get(probe + path)), type);
    }

    private <T> T object(String path, Class<T> type) {
        return RecordJson.readObject(body(client.get(probe + path)), type);
    }

    private static String body(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String of(String endpoint, TimeWindow window, RequestCursor before) {
        return "x=" + (endpoint == null ? "" : "&endpoint=" + encode(endpoint))
                + (window == null ? "" : "&from=" + window.from() + "&to=" + window.to()
                + (window.instance() == null ? "" : "&instance=" + encode(window.instance())))
                + (before == null ? "" : "&beforeTime=" + before.time() + "&beforeId=" + before.id());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
