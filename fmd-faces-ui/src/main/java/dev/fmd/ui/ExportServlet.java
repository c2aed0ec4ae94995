package dev.fmd.ui;

import dev.fmd.access.ApiCaller;
import dev.fmd.access.DashboardAccess;
import dev.fmd.access.TokenGate;
import dev.fmd.monitor.FmdBeans;
import dev.fmd.query.ExportQueries;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams an export ({@link ExportRequest}: requests, hourly aggregates or outliers of a window, as CSV or JSON) at
 * {@code /<link>/export}, for the admin only: a browser logged in to the dashboard as admin, or a script sending
 * {@code fmd.admin-token} as a bearer token:
 * <pre>
 * curl -H "Authorization: Bearer $FMD_ADMIN_TOKEN" -OJ \
 *      "http://host/app/fmd/export?what=requests&amp;format=csv&amp;from=2026-12-01T00:00:00Z&amp;to=2026-12-02T00:00:00Z"
 * </pre>
 * A guest gets 403, a stranger 401 (a browser navigating here: the login form), a wrong parameter 400 naming it, an
 * address with too many failed logins or wrong tokens 429 ({@link TokenGate}).
 * Rows are written to the response as the database hands them over ({@link ExportQueries}), so memory stays that of
 * one fetch however many rows the window holds; the file name is in {@code Content-Disposition}.
 */
public final class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("dev.fmd");
    private static final int BUFFER = 32 * 1024;

    private final transient DashboardAccess access;
    private final String adminToken;
    private final transient TokenGate gate;
    private final String base;

    /**
     * @param access     who is logged in to the dashboard
     * @param adminToken {@code fmd.admin-token}; empty: scripts cannot export
     * @param gate       checks bearer tokens against the login throttle
     * @param base       the dashboard's path in the application, e.g. {@code /fmd}
     */
    ExportServlet(DashboardAccess access, String adminToken, TokenGate gate, String base) {
        this.access = access;
        this.adminToken = adminToken;
        this.gate = gate;
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!admin(request, response)) {
            return;
        }
        ExportRequest export;
        try {
            export = ExportRequest.parse(request::getParameter, Instant.now());
        } catch (ExportRequest.BadParameter e) {
            text(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        Optional<ExportQueries> exports = FmdBeans.enabled(ExportQueries.class);
        if (exports.isEmpty()) {
            text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "fmd is disabled (fmd.enabled=false)");
            return;
        }
        response.setContentType(export.format().mediaType());
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                BUFFER);
        try (ExportFormat.Rows rows = export.format().open(out, export.kind().columns())) {
            exports.get().export(export.kind(), export.window(), rows);
        } catch (IllegalStateException e) {
            failed(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "fmd's database is not ready yet", e);
        } catch (RuntimeException e) {
            failed(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "the export could not be read from "
                    + "fmd's database; the server log has the details", e);
        }
    }

    /**
     * @return true when the request carries the admin token or comes from the admin's session; else answers: 403
     *         for a guest, 401 for a stranger (a browser's navigation goes to the login form instead)
     */
    private boolean admin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        ApiCaller caller = ApiCaller.of(request, access, adminToken, gate);
        if (caller.kind() == ApiCaller.Kind.TOKEN || caller.kind() == ApiCaller.Kind.ADMIN) {
            return true;
        }
        if (caller.kind() == ApiCaller.Kind.THROTTLED) {
            text(response, 429, TokenGate.refuse(response, caller.retryAfter()));
            return false;
        }
        if (caller.kind() == ApiCaller.Kind.GUEST) {
            text(response, HttpServletResponse.SC_FORBIDDEN, "exports are for the admin; " + caller.user().name()
                    + " is a read-only guest");
            return false;
        }
        String accept = request.getHeader("Accept");
        if (authorization == null && accept != null && accept.contains("text/html")) {
            response.sendRedirect(request.getContextPath() + base + "/login?next=" + URLEncoder.encode(
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?"
                            + request.getQueryString()), StandardCharsets.UTF_8));
            return false;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"fmd\"");
        text(response, HttpServletResponse.SC_UNAUTHORIZED, "log in at " + request.getContextPath() + base
                + "/login as the admin, or send " + (adminToken.isEmpty() ? "fmd.admin-token (not set here)"
                : "fmd.admin-token") + " as a bearer token");
        return false;
    }

    /** Answers an error when nothing was sent yet; else the download ends short, and the log says why. */
    private static void failed(HttpServletResponse response, int status, String message, RuntimeException e)
            throws IOException {
        LOG.log(Level.WARNING, "fmd's export failed: " + e, e);
        if (!response.isCommitted()) {
            response.reset();
            response.setHeader("Cache-Control", "no-store");
            text(response, status, message);
        }
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(message + "\n");
    }
}
