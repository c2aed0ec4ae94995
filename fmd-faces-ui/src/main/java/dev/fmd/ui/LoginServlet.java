package dev.fmd.ui;

import dev.fmd.access.DashboardAccess;
import dev.fmd.access.DashboardUser;
import dev.fmd.access.LoginThrottle;
import dev.fmd.access.TokenGate;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The dashboard's login, at {@code /<link>/login}: a plain HTML form posting the fields {@code username} and
 * {@code password}, so that password managers and scripts work:
 * <pre>
 * curl -c jar -d username=admin --data-urlencode password@pw.txt http://host/app/fmd/login
 * curl -b jar http://host/app/fmd/index.xhtml
 * </pre>
 * A wrong pair answers 401, and after {@value LoginThrottle#MAX_FAILURES} failures within a minute from one client
 * address (wrong bearer tokens of fmd's API, export and metrics count too: {@link LoginThrottle#shared}) 429 with
 * {@code Retry-After}. A successful login starts a new session id ({@link DashboardAccess#login}), so that a session
 * id planted before the login is worth nothing after it. With no password and no role configured every login is refused (403) with what to set.
 * When roles of the application's own login are configured, {@code ?app} asks the application's authentication
 * mechanism to log the user in ({@code HttpServletRequest#authenticate}).
 */
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("dev.fmd");

    private final transient DashboardAccess access;
    private final transient TokenGate gate;
    private final String base;

    /**
     * @param access    who may log in
     * @param gate   the application's login throttle, and the client's address (behind trusted proxies)
     * @param base   the dashboard's path in the application, e.g. {@code /fmd}
     */
    LoginServlet(DashboardAccess access, TokenGate gate, String base) {
        this.access = access;
        this.gate = gate;
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginPage page = page(request);
        if (request.getParameter("app") != null && access.rolesConfigured()) {
            appLogin(request, response, page);
            return;
        }
        Optional<DashboardUser> user = access.user(request);
        if (user.isPresent()) {
            response.sendRedirect(page.next());
            return;
        }
        if (!access.loginConfigured()) {
            page.write(response, HttpServletResponse.SC_OK, DashboardAccess.HOW_TO_CONFIGURE, false);
        } else if (request.getUserPrincipal() != null && access.rolesConfigured()) {
            page.write(response, HttpServletResponse.SC_OK, "You are logged in to the application as "
                    + request.getUserPrincipal().getName() + ", who has neither fmd.admin-role nor fmd.guest-role. "
                    + "Log in as a user of the dashboard.", false);
        } else {
            page.write(response, HttpServletResponse.SC_OK, request.getParameter("out") != null
                    ? "You are logged out." : null, request.getParameter("out") != null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginPage page = page(request);
        if (!access.loginConfigured()) {
            page.write(response, HttpServletResponse.SC_FORBIDDEN, DashboardAccess.HOW_TO_CONFIGURE, false);
            return;
        }
        String address = gate.address(request);
        LoginThrottle throttle = gate.throttle();
        long wait = throttle.secondsToWait(address);
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            page.write(response, 429, "Too many failed logins from your address: try again in " + wait
                    + " seconds.", false);
            return;
        }
        Optional<DashboardUser> user = access.login(request, response, request.getParameter("username"),
                request.getParameter("password"));
        if (user.isEmpty()) {
            throttle.failed(address);
            LOG.info("fmd's dashboard: failed login from " + address);
            page.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Wrong user name or password.", false);
            return;
        }
        throttle.succeeded(address);
        response.sendRedirect(page.next());
    }

    private void appLogin(HttpServletRequest request, HttpServletResponse response, LoginPage page)
            throws IOException {
        try {
            if (!request.authenticate(response) && response.isCommitted()) {
                return;
            }
        } catch (ServletException | RuntimeException e) {
            LOG.fine("fmd's dashboard: the application's authentication failed: " + e);
        }
        if (response.isCommitted()) {
            return;
        }
        Optional<DashboardUser> user = access.containerUser(request);
        if (user.isPresent()) {
            access.keep(request, response, user.get());
            response.sendRedirect(page.next());
            return;
        }
        page.write(response, HttpServletResponse.SC_FORBIDDEN, request.getUserPrincipal() == null
                ? "The application did not log you in. Log in to the application first, or with a user of the "
                + "dashboard below." : request.getUserPrincipal().getName() + " has neither fmd.admin-role nor "
                + "fmd.guest-role.", false);
    }

    private LoginPage page(HttpServletRequest request) {
        return new LoginPage(request.getContextPath() + base, request.getParameter("next"), access.rolesConfigured());
    }
}
