package dev.fmd.metrics;

import dev.fmd.monitor.Following;

import java.math.BigDecimal;
import java.util.List;

/**
 * Renders a {@link MetricsSnapshot} as OpenMetrics 1.0 or Prometheus 0.0.4 text:
 * <pre>
 * # TYPE fmd_requests counter
 * # HELP fmd_requests Requests served, by endpoint and class of HTTP status.
 * fmd_requests_total{endpoint="OrderResource.get",method="GET",route="/api/orders/{id}",status_class="2xx"} 7
 * ...
 * # EOF
 * </pre>
 * The two formats differ only in how families are declared (OpenMetrics names a counter family without
 * {@code _total}, has {@code UNIT} lines and the {@code info} type) and in the closing {@code # EOF} of OpenMetrics.
 * Label values are escaped as both specify: backslash, double quote and line feed. Numbers are written in plain
 * decimal notation, never with an exponent. Help texts are constants without any character that would need escaping.
 */
public final class MetricsText {

    private static final String SECONDS = "seconds";

    private final MetricsFormat format;
    private final StringBuilder out = new StringBuilder(8192);

    private MetricsText(MetricsFormat format) {
        this.format = format;
    }

    /**
     * @param snapshot what to show
     * @param format   the format the client negotiated
     * @return the whole response body
     */
    public static String render(MetricsSnapshot snapshot, MetricsFormat format) {
        MetricsText text = new MetricsText(format);
        text.requests(snapshot.endpoints());
        text.durations(snapshot.endpoints());
        text.self(snapshot.self());
        if (format == MetricsFormat.OPENMETRICS) {
            text.out.append("# EOF\n");
        }
        return text.out.toString();
    }

    /**
     * @param value any text
     * @return the text escaped for a label value: {@code \} as {@code \\}, {@code "} as {@code \"}, a line feed as
     *         {@code \n}
     */
    public static String escapeLabelValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private void requests(List<EndpointMetrics> endpoints) {
        family("fmd_requests", Type.COUNTER, null, "Requests served, by endpoint and class of HTTP status.");
        for (EndpointMetrics endpoint : endpoints) {
            String labels = endpointLabels(endpoint);
            for (StatusClass statusClass : StatusClass.values()) {
                long requests = endpoint.counts().requests(statusClass);
                if (statusClass != StatusClass.INFORMATIONAL || requests > 0) {
                    sample("fmd_requests_total", labels + ",status_class=\"" + statusClass.label() + '"', requests);
                }
            }
        }
    }

    private void durations(List<EndpointMetrics> endpoints) {
        String name = "fmd_request_duration_seconds";
        family(name, Type.HISTOGRAM, SECONDS, "Time until the response was complete, by endpoint.");
        for (EndpointMetrics endpoint : endpoints) {
            String labels = endpointLabels(endpoint);
            EndpointCounts counts = endpoint.counts();
            for (int i = 0; i < DurationBuckets.count(); i++) {
                sample(name + "_bucket", labels + ",le=\"" + DurationBuckets.le(i) + '"', counts.cumulativeBucket(i));
            }
            sample(name + "_count", labels, counts.count());
            sample(name + "_sum", labels, decimal(counts.sumNanos(), 9));
        }
    }

    private void self(SelfMetrics self) {
        gauge("fmd_queue_depth", "Requests waiting in memory to be written, in the queue or in the writer's hand.",
                self.queueDepth());
        gauge("fmd_queue_capacity", "Requests held in memory at most (fmd.queue-capacity).", self.queueCapacity());
        counter("fmd_dropped", "Requests dropped because the queue was full.", self.dropped());
        counter("fmd_rejected", "Requests the database refused as data, dropped.", self.rejected());
        counter("fmd_lost_details", "Call trees and outlier contexts lost.", self.lostDetails());
        counter("fmd_written", "Request rows written to the database.", self.written());
        family("fmd_writer_lag_seconds", Type.GAUGE, SECONDS,
                "Age of the oldest request the writer holds and has not written yet; 0 when it holds none.");
        sample("fmd_writer_lag_seconds", "", decimal(self.writerLagMillis(), 3));
        gauge("fmd_database_up", "1 when the database answered the writer last time, else 0.",
                self.databaseUp() ? 1 : 0);
        following(self.following());
        family("fmd", Type.INFO, null, "The application version measured and this instance's name.");
        sample("fmd_info", "version=\"" + escapeLabelValue(self.version()) + "\",instance=\""
                + escapeLabelValue(self.instance()) + '"', 1);
    }

    private void following(List<Following> following) {
        family("fmd_followed_requests", Type.GAUGE, null,
                "Requests in flight the outlier watch or the profiler keeps state for; 0 once the server is quiet.");
        for (Following one : following) {
            sample("fmd_followed_requests", observerLabel(one), one.requests());
        }
        family("fmd_expired_requests", Type.COUNTER, null,
                "Requests followed too long without ending, dropped with their outlier stack or call tree.");
        for (Following one : following) {
            sample("fmd_expired_requests_total", observerLabel(one), one.expired());
        }
        family("fmd_outliers_over_budget", Type.COUNTER, null,
                "Outliers not kept because their endpoint's fmd.outlier-rate per second was spent.");
        sample("fmd_outliers_over_budget_total", "", following.stream().mapToLong(Following::overBudget).sum());
        gauge("fmd_profiler_sampling", "1 while JFR execution sampling runs for the profiler, else 0.",
                following.stream().anyMatch(Following::sampling) ? 1 : 0);
    }

    private static String observerLabel(Following following) {
        return "observer=\"" + escapeLabelValue(following.observer()) + '"';
    }

    private void gauge(String name, String help, long value) {
        family(name, Type.GAUGE, null, help);
        sample(name, "", value);
    }

    private void counter(String name, String help, long value) {
        family(name, Type.COUNTER, null, help);
        sample(name + "_total", "", value);
    }

    /**
     * Declares a family: in OpenMetrics by its own name ({@code fmd_requests}), in Prometheus 0.0.4 by its samples'
     * name ({@code fmd_requests_total}, {@code fmd_info} as a gauge).
     */
    private void family(String name, Type type, String unit, String help) {
        if (format == MetricsFormat.OPENMETRICS) {
            out.append("# TYPE ").append(name).append(' ').append(type.openMetrics).append('\n');
            if (unit != null) {
                out.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
            }
            out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        } else {
            String declared = name + type.prometheusSuffix;
            out.append("# HELP ").append(declared).append(' ').append(help).append('\n');
            out.append("# TYPE ").append(declared).append(' ').append(type.prometheus).append('\n');
        }
    }

    /** @param labels the rendered labels without braces, or "" */
    private void sample(String name, String labels, long value) {
        sample(name, labels, Long.toString(value));
    }

    private void sample(String name, String labels, String value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    private static String endpointLabels(EndpointMetrics endpoint) {
        return "endpoint=\"" + escapeLabelValue(endpoint.endpoint()) + "\",method=\""
                + escapeLabelValue(endpoint.method()) + "\",route=\"" + escapeLabelValue(endpoint.route()) + '"';
    }

    /** @return {@code unscaled × 10^-scale} in plain notation, e.g. (1500, 3) → {@code 1.5} */
    private static String decimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().toPlainString();
    }

    /** A family's type, as each format names it. */
    private enum Type {
        COUNTER("counter", "counter", "_total"),
        GAUGE("gauge", "gauge", ""),
        HISTOGRAM("histogram", "histogram", ""),
        INFO("info", "gauge", "_info");

        private final String openMetrics;
        private final String prometheus;
        private final String prometheusSuffix;

        Type(String openMetrics, String prometheus, String prometheusSuffix) {
            this.openMetrics = openMetrics;
            this.prometheus = prometheus;
            this.prometheusSuffix = prometheusSuffix;
        }
    }
}
