package dev.fmd.it.unmatched;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A servlet of the application beside JAX-RS: its requests, found or not, are not fmd's to record. */
@WebServlet("/plain/*")
public class PlainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            response.getWriter().write("plain");
        }
    }
}
