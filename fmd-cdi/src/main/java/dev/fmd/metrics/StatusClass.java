package dev.fmd.metrics;

/**
 * The class of an HTTP status, as the {@code status_class} label of {@code fmd_requests_total} names it. A status
 * outside 100–599 (which no conforming container sends) counts with the nearest class.
 */
public enum StatusClass {
    INFORMATIONAL("1xx"),
    SUCCESS("2xx"),
    REDIRECTION("3xx"),
    CLIENT_ERROR("4xx"),
    SERVER_ERROR("5xx");

    private static final StatusClass[] ALL = values();

    private final String label;

    StatusClass(String label) {
        this.label = label;
    }

    /**
     * @param status an HTTP status, e.g. 404
     * @return its class, e.g. {@link #CLIENT_ERROR}
     */
    public static StatusClass of(int status) {
        return ALL[Math.max(0, Math.min(ALL.length - 1, status / 100 - 1))];
    }

    /** @return the label value, e.g. {@code 4xx} */
    public String label() {
        return label;
    }
}
