package dev.fmd.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who calls one of fmd's admin endpoints (the levels API, the export): a script with {@code fmd.admin-token} as its
 * bearer token, the admin's or a guest's dashboard session, or a stranger. Each endpoint answers the verdict its own
 * way (401 and 403 with its own words); the decision is made here once.
 * <pre>
 * ApiCaller caller = ApiCaller.of(request, access, config.adminToken(), gate);
 * if (caller.kind() == ApiCaller.Kind.GUEST) { response.sendError(403); }
 * </pre>
 *
 * @param kind       what the caller is
 * @param user       the dashboard user of a session, or null for a script or a stranger
 * @param retryAfter for {@link Kind#THROTTLED}: seconds to wait; else 0
 */
public record ApiCaller(Kind kind, DashboardUser user, long retryAfter) {

    /** What a caller of an admin endpoint is. */
    public enum Kind {
        /** a script carrying the admin token (a header a browser's cookies cannot forge): no CSRF token needed */
        TOKEN,
        /** the admin's dashboard session: a change also needs the session's CSRF token */
        ADMIN,
        /** a read-only guest's dashboard session */
        GUEST,
        /** neither a token nor a session */
        STRANGER,
        /** an address with too many failed logins or wrong tokens: 429 with {@code Retry-After} */
        THROTTLED
    }

    /**
     * @param request    the call
     * @param access     who is logged in to the dashboard
     * @param adminToken {@code fmd.admin-token}; empty: no script is let in
     * @param gate       counts wrong tokens against the login throttle
     * @return who made the call; a wrong bearer token counts as a failed login, and a call with a wrong token is
     *         judged by its session, if any
     */
    public static ApiCaller of(HttpServletRequest request, DashboardAccess access, String adminToken,
                               TokenGate gate) {
        TokenGate.Verdict token = gate.check(request, adminToken);
        if (token.result() == TokenGate.Result.THROTTLED) {
            return new ApiCaller(Kind.THROTTLED, null, token.retryAfter());
        }
        if (token.result() == TokenGate.Result.VALID) {
            return new ApiCaller(Kind.TOKEN, null, 0);
        }
        return access.user(request).map(u -> new ApiCaller(u.role().canChange() ? Kind.ADMIN : Kind.GUEST, u, 0))
                .orElse(new ApiCaller(Kind.STRANGER, null, 0));
    }
}
