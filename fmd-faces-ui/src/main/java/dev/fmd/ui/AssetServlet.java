package dev.fmd.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the dashboard's scripts and styles from this jar ({@code META-INF/fmd-assets}) at
 * {@code /<link>/assets/<name>}: the charting library and fmd's own files, never from a CDN. They hold no data, so
 * they are served without a login, cached for a day and revalidated by version.
 */
public class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String FOLDER = "META-INF/fmd-assets/";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8", "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain;charset=UTF-8");
    private static final String ETAG = "\"" + Integer.toHexString(AssetServlet.class.getName().hashCode()
            ^ Long.hashCode(startTime())) + "\"";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (ETAG.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(TYPES.get(extension));
            response.setHeader("Cache-Control", "public, max-age=86400");
            response.setHeader("ETag", ETAG);
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }

    private static long startTime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
