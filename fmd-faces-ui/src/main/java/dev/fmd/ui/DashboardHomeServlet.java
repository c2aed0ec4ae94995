package dev.fmd.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Sends {@code /<link>} and {@code /<link>/} to the overview page, so that the dashboard has a short address. */
public class DashboardHomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String base;

    /** @param base the dashboard's path in the application, e.g. {@code /fmd} */
    DashboardHomeServlet(String base) {
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + base + "/index.xhtml");
    }
}
