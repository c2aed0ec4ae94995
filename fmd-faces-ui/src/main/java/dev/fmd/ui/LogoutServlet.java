package dev.fmd.ui;

import dev.fmd.access.DashboardAccess;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code POST /<link>/logout} with the session's CSRF token (the header's logout button sends it): ends the
 * dashboard's login and shows the login form. Without the token (another site's form) nothing happens: 403.
 */
public final class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient DashboardAccess access;
    private final String base;

    /**
     * @param access who is logged in
     * @param base   the dashboard's path in the application, e.g. {@code /fmd}
     */
    LogoutServlet(DashboardAccess access, String base) {
        this.access = access;
        this.base = base;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!DashboardAccess.csrfValid(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        access.logout(request, response);
        response.sendRedirect(request.getContextPath() + base + "/login?out");
    }
}
