package dev.fmd.query;

import java.util.List;

/**
 * What an export holds, with its columns in order (the CSV header, the JSON field names). Times are UTC instants,
 * durations in ms.
 * <pre>
 * ExportKind.of("requests").columns();   // [id, time, endpoint, http_method, path, duration_ms, ...]
 * </pre>
 */
public enum ExportKind {
    /** every stored request of the window, oldest first: one row per request */
    REQUESTS("requests", List.of("id", "time", "endpoint", "http_method", "path", "duration_ms", "status", "version",
            "group_by", "ip", "exception", "instance")),
    /** the hourly rollups of the hours the window touches: one row per hour, endpoint, version and instance */
    AGGREGATES("aggregates", List.of("hour", "endpoint", "http_method", "path", "version", "instance", "hits",
            "errors_5xx", "errors_4xx", "mean_ms", "median_ms", "p90_ms", "p99_ms")),
    /** the outliers of the window, oldest first, with their request's duration and status */
    OUTLIERS("outliers", List.of("id", "request_id", "time", "endpoint", "http_method", "path", "duration_ms",
            "status", "version", "instance", "url", "query_params", "form_params", "headers", "environment",
            "cpu_percent", "heap_used", "heap_committed", "stack"));

    private final String key;
    private final List<String> columns;

    ExportKind(String key, List<String> columns) {
        this.key = key;
        this.columns = columns;
    }

    /** @return the parameter value naming this kind, e.g. {@code requests} */
    public String key() {
        return key;
    }

    /** @return the column names, in order */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param key a parameter value
     * @return the kind it names
     * @throws IllegalArgumentException when it names none, saying what is expected
     */
    public static ExportKind of(String key) {
        for (ExportKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("expected requests, aggregates or outliers");
    }
}
