package dev.fmd.outlier;

import jakarta.servlet.http.HttpServletRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Collections;
import java.util.Map;

/**
 * Reads an outlier's context from its servlet request at the end of the request: redacted by the {@link Redactor}
 * (headers and parameters by name and shape, the URL's path segments and matrix parameters as its rules say),
 * each field capped at {@code fmd.outlier-max-field} characters with a marker saying how much was cut. The body is
 * read only for a small form post ({@code application/x-www-form-urlencoded} within {@code fmd.outlier-max-field}
 * bytes), after the application has finished with the request, so the application's own reading is never disturbed.
 */
final class OutlierContext {

    private final Redactor redactor;
    private final int maxField;

    OutlierContext(Redactor redactor, int maxField) {
        this.redactor = redactor;
        this.maxField = maxField;
    }

    OutlierRecord capture(dev.fmd.monitor.RequestHandle handle, double averageMs, HttpServletRequest http,
                          String stackTrace) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new OutlierRecord(handle, averageMs, cap(stackTrace), cpuPercent(), heap.getUsed(), heap.getCommitted(),
                cap(redactor.redactUrl(http.getRequestURL().toString())), cap(query(http.getQueryString())),
                cap(form(http)), cap(headers(http)), cap(environment(http)));
    }

    /** @return the text, or its first {@code maxField} characters and a marker */
    String cap(String text) {
        if (text == null || text.length() <= maxField) {
            return text;
        }
        String marker = "\n[... " + (text.length() - maxField) + " more characters cut by fmd.outlier-max-field]";
        return text.substring(0, Math.max(0, maxField - marker.length())) + marker;
    }

    String query(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = Redactor.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : Redactor.decode(pair.substring(eq + 1));
            lines.append(redactor.parameter(name, value)).append('\n');
        }
        return lines.toString();
    }

    private String form(HttpServletRequest http) {
        String type = http.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return "";
        }
        if (http.getContentLengthLong() < 0 || http.getContentLengthLong() > maxField) {
            return "(form body of " + http.getContentLengthLong() + " bytes not read)";
        }
        StringBuilder lines = new StringBuilder();
        String query = http.getQueryString() == null ? "" : "&" + http.getQueryString() + "&";
        for (Map.Entry<String, String[]> parameter : http.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                String encoded = parameter.getKey() + "=";
                if (!query.contains("&" + encoded)) {
                    lines.append(redactor.parameter(parameter.getKey(), value)).append('\n');
                }
            }
        }
        return lines.toString();
    }

    private String headers(HttpServletRequest http) {
        StringBuilder lines = new StringBuilder();
        for (String name : Collections.list(http.getHeaderNames())) {
            for (String value : Collections.list(http.getHeaders(name))) {
                lines.append(name).append(": ").append(redactor.value(name, value)).append('\n');
            }
        }
        return lines.toString();
    }

    private static String environment(HttpServletRequest http) {
        return "server: " + http.getServerName() + ":" + http.getServerPort() + "\n"
                + "scheme: " + http.getScheme() + "\n"
                + "method: " + http.getMethod() + "\n"
                + "remote address: " + http.getRemoteAddr() + "\n"
                + "user agent: " + http.getHeader("User-Agent") + "\n"
                + "content type: " + http.getContentType() + "\n"
                + "content length: " + http.getContentLengthLong() + "\n"
                + "locale: " + http.getLocale() + "\n";
    }

    private static double cpuPercent() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            return load < 0 ? -1 : Math.round(load * 1000) / 10.0;
        }
        return -1;
    }
}
