package dev.fmd.query;

/**
 * Who sent an endpoint's requests, as the rollups keep it per day: the group-by value (the user) or the client IP.
 * Per endpoint, day, dimension and instance the first {@code fmd.top-values} distinct values are kept; the requests
 * of later values that day are counted under {@link #OTHER}. Requests without a value count under {@link #NONE}.
 * <pre>
 * dimensions.byVersion(endpointId, Dimension.USER, window);
 * </pre>
 */
public enum Dimension {
    /** the group-by value ({@link dev.fmd.GroupBy}, else the principal's name) */
    USER("u"),
    /** the client address */
    IP("i");

    /** The value that stands for every value beyond the first {@code fmd.top-values} of a day. */
    public static final String OTHER = "(other)";
    /** The value of requests that had none. */
    public static final String NONE = "(none)";

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    /** @return the code stored in {@code rollup_dimension.dimension} */
    public String code() {
        return code;
    }
}
