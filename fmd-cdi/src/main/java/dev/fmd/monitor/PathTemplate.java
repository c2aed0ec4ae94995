package dev.fmd.monitor;

import dev.fmd.outlier.Redactor;

import java.util.regex.Pattern;

/**
 * Cuts the raw path of a request no resource method matched into a short template that says where it went without
 * its ids: {@code /api/items/42/notes;jsessionid=x} becomes {@code /api/items/{}/notes}.
 * <p>
 * Each segment loses its matrix parameters; a segment that looks like an id or a token becomes {@code {}}, as does
 * one the {@link Redactor} redacted: digits
 * (with separators, as in a date), a UUID, a hexadecimal run of 8 or more with a digit, 16 or more characters with a
 * digit, or more than {@value #MAX_SEGMENT} characters. Characters other than those of a URL path are replaced by
 * {@code _}. At most {@value #MAX_SEGMENTS} segments are kept (more end in {@code /*}) and the template is at most
 * {@value #MAX_LENGTH} characters long, so whatever a client sends, the template is bounded.
 */
final class PathTemplate {

    /** What an id-like segment becomes. */
    static final String ID = "{}";
    static final int MAX_SEGMENTS = 8;
    static final int MAX_SEGMENT = 40;
    static final int MAX_LENGTH = 200;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{8,}");
    private static final Pattern NUMBERISH = Pattern.compile("[0-9][0-9_.,:+\\-]*");

    private PathTemplate() {
    }

    /**
     * @param rawPath the request's path below the context path, as the client sent it (still percent-encoded), or
     *                null
     * @return its template: starts with {@code /}, no empty segment, at most {@value #MAX_LENGTH} characters
     */
    static String of(String rawPath) {
        StringBuilder template = new StringBuilder();
        int segments = 0;
        for (String part : (rawPath == null ? "" : rawPath).split("/", MAX_SEGMENTS * 4 + 1)) {
            String segment = withoutMatrix(part);
            if (segment.isEmpty()) {
                continue;
            }
            if (segments == MAX_SEGMENTS || template.length() >= MAX_LENGTH) {
                template.append("/*");
                break;
            }
            template.append('/').append(isId(segment) ? ID : clean(segment));
            segments++;
        }
        if (template.length() > MAX_LENGTH) {
            template.setLength(MAX_LENGTH - 2);
            template.append("/*");
        }
        return template.length() == 0 ? "/" : template.toString();
    }

    /**
     * @param path a request path, as {@link #of} takes it
     * @return the path with its matrix parameters, empty segments and trailing slash removed, for matching it
     *         against the endpoints' templates
     */
    static String normalized(String path) {
        StringBuilder normal = new StringBuilder();
        for (String part : (path == null ? "" : path).split("/")) {
            String segment = withoutMatrix(part);
            if (!segment.isEmpty()) {
                normal.append('/').append(segment);
            }
        }
        return normal.length() == 0 ? "/" : normal.toString();
    }

    private static String withoutMatrix(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
    }

    private static boolean isId(String segment) {
        if (segment.equals(Redactor.REDACTED) || segment.length() > MAX_SEGMENT || NUMBERISH.matcher(segment).matches()
                || UUID.matcher(segment).matches()) {
            return true;
        }
        boolean digit = segment.chars().anyMatch(Character::isDigit);
        return digit && (segment.length() >= 16 || HEX.matcher(segment).matches());
    }

    private static String clean(String segment) {
        StringBuilder clean = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,=:@%".indexOf(c) >= 0);
            clean.append(allowed ? c : '_');
        }
        return clean.toString();
    }
}
