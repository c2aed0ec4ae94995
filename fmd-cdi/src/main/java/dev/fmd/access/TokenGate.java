package dev.fmd.access;

import dev.fmd.monitor.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks the bearer token of a call to one of fmd's token-protected endpoints (the levels API and the export with
 * {@code fmd.admin-token}, the metrics with {@code fmd.metrics-token}) against the application's
 * {@link LoginThrottle}: a wrong token counts as a failed login of the client's address, and an address with too many
 * failures is refused (429 with {@code Retry-After}) before its token is even looked at, the right one included.
 * <pre>
 * TokenGate.Verdict verdict = gate.check(request, config.adminToken());
 * if (verdict.result() == TokenGate.Result.THROTTLED) { write(TokenGate.refuse(response, verdict.retryAfter())); }
 * </pre>
 *
 * @param throttle  the application's throttle, shared with the login form
 * @param addresses finds the client's address (behind trusted proxies)
 */
public record TokenGate(LoginThrottle throttle, ClientAddress addresses) {

    /** What a call's {@code Authorization} header is worth. */
    public enum Result {
        /** no bearer token: the call may still come from a dashboard session */
        NO_TOKEN,
        /** the configured token */
        VALID,
        /** a bearer token that is not the configured one (or none is configured): counted as a failure */
        WRONG,
        /** the client's address failed too often: refused without looking at the token */
        THROTTLED
    }

    /**
     * @param result     what the header is worth
     * @param retryAfter for {@link Result#THROTTLED}: seconds to wait; else 0
     */
    public record Verdict(Result result, long retryAfter) {
    }

    /**
     * Sets 429 and {@code Retry-After}; the caller writes the body, in its own format.
     *
     * @param response   the response
     * @param retryAfter seconds to wait
     * @return the message of the body, naming the wait
     */
    public static String refuse(HttpServletResponse response, long retryAfter) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        return "too many failed logins or wrong tokens from your address: try again in " + retryAfter + " seconds";
    }

    /**
     * @param request    a call
     * @param configured the configured token; empty: every bearer token is wrong
     * @return what the call's {@code Authorization} header is worth
     */
    public Verdict check(HttpServletRequest request, String configured) {
        if (BearerToken.of(request.getHeader("Authorization")) == null) {
            return new Verdict(Result.NO_TOKEN, 0);
        }
        String address = address(request);
        long wait = throttle.secondsToWait(address);
        if (wait > 0) {
            return new Verdict(Result.THROTTLED, wait);
        }
        if (BearerToken.matches(configured, request.getHeader("Authorization"))) {
            return new Verdict(Result.VALID, 0);
        }
        throttle.failed(address);
        return new Verdict(Result.WRONG, 0);
    }

    /**
     * @param request a request
     * @return its client's address, behind trusted proxies
     */
    public String address(HttpServletRequest request) {
        return addresses.resolve(request);
    }
}
