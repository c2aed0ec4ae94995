package dev.fmd.metrics;

import dev.fmd.access.BearerToken;
import dev.fmd.config.FmdConfig;

/**
 * Who may read {@code /fmd/metrics}. Off unless configured: with {@code fmd.metrics-token} every scrape needs that
 * bearer token (also when {@code fmd.metrics-public=true}); without it, {@code fmd.metrics-public=true} opens the
 * endpoint to anyone who reaches the server.
 *
 * @param token    {@code fmd.metrics-token}, or empty
 * @param isPublic {@code fmd.metrics-public}
 */
public record MetricsAccess(String token, boolean isPublic) {

    /** The answer when neither key is set. */
    public static final String OFF_MESSAGE = "/fmd/metrics is off: set fmd.metrics-token (a bearer token of 16 "
            + "characters or more) or fmd.metrics-public=true";
    /** The answer to a scrape without the right token. */
    public static final String UNAUTHORIZED_MESSAGE = "a valid bearer token (fmd.metrics-token) is needed";

    /** What a scrape may get. */
    public enum Verdict {
        /** the metrics */
        ALLOWED,
        /** 403: neither key is set */
        OFF,
        /** 401: the token is set and the request does not carry it */
        UNAUTHORIZED
    }

    /** @return the access the configuration gives */
    public static MetricsAccess of(FmdConfig config) {
        return new MetricsAccess(config.metricsToken(), config.metricsPublic());
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @return whether the scrape may get the metrics; the token is compared in constant time
     */
    public Verdict check(String authorization) {
        if (token.isEmpty()) {
            return isPublic ? Verdict.ALLOWED : Verdict.OFF;
        }
        return BearerToken.matches(token, authorization) ? Verdict.ALLOWED : Verdict.UNAUTHORIZED;
    }

    /** @return both settings, the token shown only as set or not */
    @Override
    public String toString() {
        return "MetricsAccess[token=" + (token.isEmpty() ? "(none)" : "(set)") + ", isPublic=" + isPublic + "]";
    }
}
