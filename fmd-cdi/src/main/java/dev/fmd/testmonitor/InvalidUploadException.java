package dev.fmd.testmonitor;

/**
 * A test-run upload that is refused as it stands, naming the field that is wrong (a JSON path such as
 * {@code tests[3].durationsMs[1]}, or {@code body} when it is not JSON at all).
 */
public final class InvalidUploadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the wrong field's path
     * @param message what is wrong with it, starting with the field
     */
    public InvalidUploadException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the wrong field's path */
    public String field() {
        return field;
    }
}
