package dev.fmd.metrics;

import java.util.Locale;

/**
 * The two text formats {@code /fmd/metrics} speaks. Prometheus asks for OpenMetrics first in its {@code Accept}
 * header; a client that does not ask for it (curl, older scrapers) gets the Prometheus text format 0.0.4.
 */
public enum MetricsFormat {
    /** OpenMetrics 1.0: counters declared without {@code _total}, units, {@code info}, and a closing {@code # EOF} */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    /** The Prometheus text exposition format 0.0.4 */
    PROMETHEUS("text/plain; version=0.0.4; charset=utf-8");

    private static final String OPENMETRICS_TYPE = "application/openmetrics-text";

    private final String contentType;

    MetricsFormat(String contentType) {
        this.contentType = contentType;
    }

    /** @return the {@code Content-Type} of a response in this format */
    public String contentType() {
        return contentType;
    }

    /**
     * @param accept the request's {@code Accept} header, or null
     * @return {@link #OPENMETRICS} when one of its media ranges is {@code application/openmetrics-text} with a
     *         quality above 0, else {@link #PROMETHEUS}
     */
    public static MetricsFormat negotiate(String accept) {
        if (accept == null) {
            return PROMETHEUS;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].trim().toLowerCase(Locale.ROOT).equals(OPENMETRICS_TYPE) && quality(parts) > 0) {
                return OPENMETRICS;
            }
        }
        return PROMETHEUS;
    }

    /** @return the {@code q} parameter of a media range, 1 when absent or unreadable */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
