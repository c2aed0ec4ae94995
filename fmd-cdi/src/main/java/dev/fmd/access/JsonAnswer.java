package dev.fmd.access;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The answers of fmd's JSON APIs (the levels API, the test-run upload): a JSON body, never cached, and errors as
 * {@code {"error": "...", "field": "..."}}.
 * <pre>
 * JsonAnswer.error(response, 400, "tests[3].outcome must be one of [passed, failed, skipped]", "tests[3].outcome");
 * </pre>
 */
public final class JsonAnswer {

    private JsonAnswer() {
    }

    /**
     * @param response the response
     * @param status   its status
     * @param body     a JSON text
     */
    public static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }

    /**
     * @param response the response
     * @param status   its status
     * @param message  what is wrong
     * @param field    the request's field that is wrong, or null
     */
    public static void error(HttpServletResponse response, int status, String message, String field)
            throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder().add("error", message);
        if (field != null) {
            body.add("field", field);
        }
        json(response, status, body.build().toString());
    }
}
