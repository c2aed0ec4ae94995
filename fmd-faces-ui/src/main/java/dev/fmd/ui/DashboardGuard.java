package dev.fmd.ui;

import dev.fmd.access.DashboardAccess;
import dev.fmd.access.DashboardUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets only users logged in to the dashboard ({@link DashboardAccess}) reach its pages under {@code /<link>/}: a
 * stranger asking for a page is sent to the login form (a Faces Ajax request gets a redirect it follows), and sees no
 * data. The login and logout addresses and the assets (no data) are open; the JSON API, the export and the metrics
 * check their own callers (bearer tokens, or this same login).
 * <p>
 * The user is left in the request attribute {@value #USER} for the pages. A page asked for with a wrong parameter
 * ({@link PageParameters}) is answered 400 naming it, before the page runs; a method no address of the dashboard takes
(DELETE, PATCH, TRACE, WebDAV's) is answered 405. An error that escapes any servlet of
 * the dashboard (pages, API, export, metrics) is logged and answered with a short 500 ({@link DashboardErrors#write}),
 * never the server's error page with its stack trace.
 */
public final class DashboardGuard extends HttpFilter {

    /** The request attribute holding the {@link DashboardUser} of a page request. */
    public static final String USER = "dev.fmd.ui.user";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("dev.fmd");
    /** The methods any address of the dashboard takes; others are 405 (not the 501 of a plain servlet). */
    private static final java.util.List<String> METHODS = java.util.List.of("GET", "HEAD", "POST", "PUT",
            "OPTIONS");

    private final transient DashboardAccess access;
    private final String base;

    /**
     * @param access who may log in
     * @param base   the dashboard's path in the application, e.g. {@code /fmd}
     */
    DashboardGuard(DashboardAccess access, String base) {
        this.access = access;
        this.base = base;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            guard(request, response, chain);
        } catch (RuntimeException | ServletException e) {
            LOG.log(Level.WARNING, "fmd's dashboard failed on " + request.getMethod() + " " + request.getRequestURI()
                    + ": " + e, e);
            if (!response.isCommitted()) {
                response.reset();
                DashboardErrors.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                        DashboardErrors.UNEXPECTED);
            }
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", METHODS));
            DashboardErrors.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method "
                    + (request.getMethod().length() > 20 ? "?" : request.getMethod()) + ": the dashboard takes "
                    + String.join(", ", METHODS));
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (isOpen(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<DashboardUser> user = access.user(request);
        if (user.isPresent()) {
            response.setHeader("Cache-Control", "no-store");
            Optional<String> problem = PageParameters.problem(request.getQueryString());
            if (problem.isPresent()) {
                DashboardErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
                return;
            }
            request.setAttribute(USER, user.get());
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            chain.doFilter(request, response);
            return;
        }
        String login = request.getContextPath() + base + "/login?next=" + URLEncoder.encode(
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                StandardCharsets.UTF_8);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
        } else if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.sendRedirect(login);
        } else {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    private boolean isOpen(String path) {
        return path.equals(base + "/login") || path.equals(base + "/logout") || path.startsWith(base + "/assets/")
                || path.equals(base + "/metrics") || path.startsWith(base + "/api/") || path.equals(base + "/export");
    }
}
