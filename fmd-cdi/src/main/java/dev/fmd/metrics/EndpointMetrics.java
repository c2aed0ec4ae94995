package dev.fmd.metrics;

/**
 * One endpoint's series in a scrape.
 *
 * @param endpoint the {@code endpoint} label: its name, {@code ResourceClass.method}
 * @param method   the {@code method} label: its HTTP method
 * @param route    the {@code route} label: its path template, e.g. {@code /api/orders/{id}}
 * @param counts   what it served since start
 */
public record EndpointMetrics(String endpoint, String method, String route, EndpointCounts counts) {
}
