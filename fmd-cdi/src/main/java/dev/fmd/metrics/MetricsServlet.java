package dev.fmd.metrics;

import dev.fmd.access.TokenGate;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.StatusQueries;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /fmd/metrics}: this instance's request counts, durations and fmd's own state, for Prometheus to scrape.
 * <pre>
 * curl -H "Authorization: Bearer $FMD_METRICS_TOKEN" http://host/app/fmd/metrics
 * </pre>
 * Who may read it: {@link MetricsAccess}; a wrong token counts as a failed login ({@link TokenGate}), and an address
 * with too many is answered 429 with {@code Retry-After}. What it shows: {@link MetricsSnapshot}, in the format the client's
 * {@code Accept} header asks for ({@link MetricsFormat}). A scrape reads counts the writer thread keeps in memory
 * ({@link RequestCounters}) and fmd's status; it never waits for the request path.
 */
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetricsAccess access;
    private final transient TokenGate gate;
    private final transient Monitor monitor;
    private final transient StatusQueries status;
    private final transient RequestCounters counters;

    /**
     * @param access   who may read
     * @param gate     checks the bearer token against the login throttle
     * @param monitor  the endpoints
     * @param status   fmd's own state
     * @param counters the writer's counts per endpoint
     */
    MetricsServlet(MetricsAccess access, TokenGate gate, Monitor monitor, StatusQueries status,
                   RequestCounters counters) {
        this.access = access;
        this.gate = gate;
        this.monitor = monitor;
        this.status = status;
        this.counters = counters;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!access.token().isEmpty()) {
            TokenGate.Verdict token = gate.check(request, access.token());
            if (token.result() == TokenGate.Result.THROTTLED) {
                text(response, 429, "text/plain; charset=utf-8", TokenGate.refuse(response, token.retryAfter())
                        + "\n");
                return;
            }
        }
        switch (access.check(request.getHeader("Authorization"))) {
            case OFF -> text(response, HttpServletResponse.SC_FORBIDDEN, "text/plain; charset=utf-8",
                    MetricsAccess.OFF_MESSAGE + "\n");
            case UNAUTHORIZED -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"fmd\"");
                text(response, HttpServletResponse.SC_UNAUTHORIZED, "text/plain; charset=utf-8",
                        MetricsAccess.UNAUTHORIZED_MESSAGE + "\n");
            }
            case ALLOWED -> {
                MetricsFormat format = MetricsFormat.negotiate(request.getHeader("Accept"));
                MetricsSnapshot snapshot = MetricsSnapshot.of(monitor.endpoints().all(), counters, status.status(),
                        System.currentTimeMillis(), monitor.following());
                text(response, HttpServletResponse.SC_OK, format.contentType(), MetricsText.render(snapshot, format));
            }
        }
    }

    private static void text(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
