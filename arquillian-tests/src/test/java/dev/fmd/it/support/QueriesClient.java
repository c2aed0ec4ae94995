package dev.fmd.it.support;

import dev.fmd.it.queries.QueriesProbe;
import dev.fmd.it.queries.RecordJson;
import dev.fmd.it.queries.SeededRequest;
import dev.fmd.query.DailyHits;
import dev.fmd.query.DashboardStatus;
import dev.fmd.query.Dimension;
import dev.fmd.query.DimensionStats;
import dev.fmd.query.EndpointPerformance;
import dev.fmd.query.EndpointSummary;
import dev.fmd.query.HourlyHits;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.RequestPage;
import dev.fmd.query.SeriesPoint;
import dev.fmd.query.StatusHits;
import dev.fmd.query.TimeWindow;
import dev.fmd.query.VersionHits;
import dev.fmd.query.VersionPerformance;
import dev.fmd.query.VersionShare;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * fmd's query services in a deployed test WAR, called through its {@link QueriesProbe}: each method answers what the
 * service of the same name answered in the server, as the same Java types. Endpoints are named, not numbered.
 */
public final class QueriesClient {

    private final FmdClient client;
    private final String probe;

    /**
     * @param client          the WAR
     * @param applicationPath the application's {@code @ApplicationPath}, under which the probe answers
     */
    public QueriesClient(FmdClient client, String applicationPath) {
        this.client = client;
        this.probe = applicationPath + "/query-probe/";
    }

    /** @return how many of the requests fmd's queue took */
    public int seed(List<SeededRequest> requests) {
        HttpResponse<String> response = client.postJson(probe + "seed", RecordJson.write(requests));
        if (response.statusCode() != 200) {
            throw new AssertionError("seeding answered " + response.statusCode() + ": " + response.body());
        }
        return Integer.parseInt(response.body());
    }

    public List<EndpointSummary> overview(TimeWindow window, Instant now) {
        return list("overview?" + window(window) + "&now=" + now, EndpointSummary.class);
    }

    public List<HourlyHits> hourlyLoad(TimeWindow window, ZoneId zone) {
        return list("hourly-load?" + window(window) + "&zone=" + encode(zone.getId()), HourlyHits.class);
    }

    public List<HourlyHits> hourlyLoad(String endpoint, TimeWindow window, ZoneId zone) {
        return list("hourly-load?" + window(window) + "&zone=" + encode(zone.getId()) + "&endpoint="
                + encode(endpoint), HourlyHits.class);
    }

    public List<DailyHits> dailyHits(TimeWindow window) {
        return list("daily-hits?" + window(window), DailyHits.class);
    }

    public List<VersionHits> dailyVersions(TimeWindow window) {
        return list("daily-versions?" + window(window), VersionHits.class);
    }

    public List<VersionShare> versionShares(TimeWindow window) {
        return list("version-shares?" + window(window), VersionShare.class);
    }

    public List<EndpointPerformance> endpointPerformance(TimeWindow window) {
        return list("endpoint-performance?" + window(window), EndpointPerformance.class);
    }

    public List<VersionPerformance> versionPerformance(String endpoint, TimeWindow window) {
        return list("version-performance?" + of(endpoint, window), VersionPerformance.class);
    }

    public List<SeriesPoint> hourly(String endpoint, TimeWindow window) {
        return list("hourly?" + of(endpoint, window), SeriesPoint.class);
    }

    public List<SeriesPoint> daily(String endpoint, TimeWindow window) {
        return list("daily?" + of(endpoint, window), SeriesPoint.class);
    }

    public List<DimensionStats> byVersion(String endpoint, Dimension dimension, TimeWindow window) {
        return list("by-version?" + of(endpoint, window) + "&dimension=" + dimension,
                DimensionStats.class);
    }

    public List<DimensionStats> byValue(String endpoint, Dimension dimension, TimeWindow window) {
        return list("by-value?" + of(endpoint, window) + "&dimension=" + dimension, DimensionStats.class);
    }

    public List<StatusHits> statusCodes(String endpoint, TimeWindow window) {
        return list("status-codes?" + of(endpoint, window), StatusHits.class);
    }

    /** @return the response of the probe to a page request: 200 with a {@link RequestPage}, or 400 with why not */
    public HttpResponse<String> requestsResponse(String endpoint, TimeWindow window, RequestCursor before, int size) {
        return client.get(probe + "requests?endpoint=" + encode(endpoint) + "&size=" + size
                + (window == null ? "" : "&" + window(window))
                + (before == null ? "" : "&beforeTime=" + before.time() + "&beforeId=" + before.id()));
    }

    public RequestPage requests(String endpoint, TimeWindow window, RequestCursor before, int size) {
        return RecordJson.readObject(body(requestsResponse(endpoint, window, before, size)), RequestPage.class);
    }

    public DashboardStatus status() {
        return RecordJson.readObject(body(client.get(probe + "status")), DashboardStatus.class);
    }

    private <T> List<T> list(String path, Class<T> type) {
        return RecordJson.readList(body(client.get(probe + path)), type);
    }

    private static String body(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String of(String endpoint, TimeWindow window) {
        return "endpoint=" + encode(endpoint) + "&" + window(window);
    }

    private static String window(TimeWindow window) {
        return "from=" + window.from() + "&to=" + window.to()
                + (window.instance() == null ? "" : "&instance=" + encode(window.instance()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
