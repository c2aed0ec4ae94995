package dev.fmd.metrics;

import dev.fmd.monitor.Following;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTextTest {

    private static final String ORDERS = "endpoint=\"OrderResource.get\",method=\"GET\",route=\"/api/orders/{id}\"";

    @Test
    void labelValuesEscapeBackslashDoubleQuoteAndLineFeed() {
        assertEquals("a\\\\d\\\"q\\\"\\nb", MetricsText.escapeLabelValue("a\\d\"q\"\nb"));
        String text = MetricsText.render(snapshot(new EndpointMetrics("R.m", "GET", "/x/{id: \\d+}\"\n",
                EndpointCounts.NONE)), MetricsFormat.OPENMETRICS);
        assertTrue(text.contains("route=\"/x/{id: \\\\d+}\\\"\\n\""), text);
        assertTrue(text.contains("fmd_info{version=\"1.0 \\\"beta\\\"\",instance=\"node\\\\1\"} 1\n"), text);
    }

    @Test
    void histogramBucketsAreCumulativeAndEndWithCountAndSum() {
        String text = MetricsText.render(snapshot(orders(counts(200, 3, 200, 5, 200, 40, 500, 12_000))),
                MetricsFormat.OPENMETRICS);
        List<String> buckets = text.lines().filter(l -> l.startsWith("fmd_request_duration_seconds_bucket")).toList();
        assertEquals(List.of(
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"0.005\"} 2",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"0.01\"} 2",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"0.025\"} 2",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"0.05\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"0.1\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"0.25\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"0.5\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"1.0\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"2.5\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"5.0\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"10.0\"} 3",
                "fmd_request_duration_seconds_bucket{" + ORDERS + ",le=\"+Inf\"} 4"), buckets);
        assertTrue(text.contains("fmd_request_duration_seconds_count{" + ORDERS + "} 4\n"), text);
        assertTrue(text.contains("fmd_request_duration_seconds_sum{" + ORDERS + "} 12.048\n"), text);
    }

    @Test
    void requestsAreCountedPerStatusClassWithInformationalOnlyWhenSeen() {
        String text = MetricsText.render(snapshot(orders(counts(404, 1, 204, 1, 200, 1))), MetricsFormat.OPENMETRICS);
        assertEquals(List.of(
                "fmd_requests_total{" + ORDERS + ",status_class=\"2xx\"} 2",
                "fmd_requests_total{" + ORDERS + ",status_class=\"3xx\"} 0",
                "fmd_requests_total{" + ORDERS + ",status_class=\"4xx\"} 1",
                "fmd_requests_total{" + ORDERS + ",status_class=\"5xx\"} 0"),
                text.lines().filter(l -> l.startsWith("fmd_requests_total")).toList());
        assertTrue(MetricsText.render(snapshot(orders(counts(101, 1))), MetricsFormat.OPENMETRICS)
                .contains("fmd_requests_total{" + ORDERS + ",status_class=\"1xx\"} 1\n"));
    }

    @Test
    void openMetricsDeclaresFamiliesWithoutSuffixesAndEndsWithEof() {
        String text = MetricsText.render(snapshot(orders(EndpointCounts.NONE)), MetricsFormat.OPENMETRICS);
        assertTrue(text.endsWith("\n# EOF\n"), text);
        assertEquals(1, text.split("# EOF", -1).length - 1, "one EOF");
        assertTrue(text.contains("# TYPE fmd_requests counter\n"), text);
        assertTrue(text.contains("# TYPE fmd_request_duration_seconds histogram\n"
                + "# UNIT fmd_request_duration_seconds seconds\n"), text);
        assertTrue(text.contains("# TYPE fmd_dropped counter\n# HELP fmd_dropped "), text);
        assertTrue(text.contains("# TYPE fmd info\n"), text);
        assertTrue(text.contains("\nfmd_dropped_total 3\n"), text);
        assertTrue(text.contains("\nfmd_request_duration_seconds_sum{" + ORDERS + "} 0\n"), text);
    }

    @Test
    void everyOpenMetricsUnitEndsTheNameOfItsFamily() {
        List<String> units = MetricsText.render(snapshot(), MetricsFormat.OPENMETRICS).lines()
                .filter(l -> l.startsWith("# UNIT ")).toList();
        for (String unit : units) {
            String[] words = unit.split(" ");
            assertTrue(words[2].endsWith("_" + words[3]), unit);
        }
        assertEquals(List.of("# UNIT fmd_request_duration_seconds seconds", "# UNIT fmd_writer_lag_seconds seconds"),
                units, "the two families in seconds");
    }

    @Test
    void prometheusFormatDeclaresSampleNamesAndHasNoEof() {
        String text = MetricsText.render(snapshot(orders(EndpointCounts.NONE)), MetricsFormat.PROMETHEUS);
        assertFalse(text.contains("# EOF"), text);
        assertFalse(text.contains("# UNIT"), text);
        assertTrue(text.contains("# HELP fmd_requests_total "), text);
        assertTrue(text.contains("# TYPE fmd_requests_total counter\n"), text);
        assertTrue(text.contains("# TYPE fmd_info gauge\nfmd_info{"), text);
        assertTrue(text.endsWith("\"} 1\n"), text);
    }

    @Test
    void fmdsOwnStateIsShownInPlainDecimals() {
        String text = MetricsText.render(snapshot(), MetricsFormat.OPENMETRICS);
        for (String line : List.of("fmd_queue_depth 7", "fmd_queue_capacity 10000", "fmd_dropped_total 3",
                "fmd_rejected_total 2", "fmd_lost_details_total 1", "fmd_written_total 123456789012",
                "fmd_writer_lag_seconds 1.5", "fmd_database_up 0", "fmd_followed_requests{observer=\"outliers\"} 2",
                "fmd_followed_requests{observer=\"profiler\"} 1", "fmd_expired_requests_total{observer=\"profiler\"} 4",
                "fmd_profiler_sampling 1")) {
            assertTrue(text.contains("\n" + line + "\n"), line + " in\n" + text);
        }
    }

    private static EndpointMetrics orders(EndpointCounts counts) {
        return new EndpointMetrics("OrderResource.get", "GET", "/api/orders/{id}", counts);
    }

    private static MetricsSnapshot snapshot(EndpointMetrics... endpoints) {
        return new MetricsSnapshot(List.of(endpoints), new SelfMetrics("1.0 \"beta\"", "node\\1", 7, 10_000, 3, 2, 1,
                123_456_789_012L, 1_500, false, List.of(new Following("outliers", 2, 0, 0, false),
                new Following("profiler", 1, 4, 0, true))));
    }

    /** @param statusAndMillis status, duration in ms, status, duration in ms, ... */
    private static EndpointCounts counts(long... statusAndMillis) {
        EndpointCounts.Tally tally = EndpointCounts.NONE.tally();
        for (int i = 0; i + 1 < statusAndMillis.length; i += 2) {
            tally.add((int) statusAndMillis[i], TimeUnit.MILLISECONDS.toNanos(statusAndMillis[i + 1]));
        }
        return tally.counts();
    }
}
