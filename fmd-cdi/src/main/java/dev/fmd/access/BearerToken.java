package dev.fmd.access;

import dev.fmd.config.Passwords;

/**
 * The bearer token of a request's {@code Authorization} header, checked against a configured token
 * ({@code fmd.admin-token}, {@code fmd.metrics-token}) in constant time.
 * <pre>
 * if (BearerToken.matches(config.adminToken(), request.getHeader("Authorization"))) { ... }
 * </pre>
 */
public final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    /**
     * @param authorization an {@code Authorization} header, or null
     * @return its bearer token, or null when it carries none
     */
    public static String of(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
    }

    /**
     * @param configured    the configured token; empty never matches
     * @param authorization an {@code Authorization} header, or null
     * @return true when the header carries exactly the configured token
     */
    public static boolean matches(String configured, String authorization) {
        return !configured.isEmpty() && Passwords.sameSecret(configured, of(authorization));
    }
}
