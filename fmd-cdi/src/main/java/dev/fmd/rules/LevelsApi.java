package dev.fmd.rules;

import dev.fmd.access.ApiCaller;
import dev.fmd.access.DashboardAccess;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.LevelChanges;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin JSON API of monitoring levels, under {@code /<fmd.custom-link>/api/endpoints}, for scripts and other
 * services:
 * <pre>
 * curl -H "Authorization: Bearer $FMD_ADMIN_TOKEN" http://host/app/fmd/api/endpoints
 * curl -X PUT -H "Authorization: Bearer $FMD_ADMIN_TOKEN" -H "Content-Type: application/json" \
 *      -d '{"level": 3}' http://host/app/fmd/api/endpoints/7/level
 * curl -X PUT -H "Authorization: Bearer $FMD_ADMIN_TOKEN" -H "Content-Type: application/json" \
 *      -d '{"level": 2, "ids": [4, 7, 9]}' http://host/app/fmd/api/endpoints/level
 * </pre>
 * A call carries {@code fmd.admin-token} as a bearer token (a header, so a browser's cookies cannot forge it), or
 * comes from a browser logged in to the dashboard ({@link DashboardAccess}): then anyone logged in may read, and only
 * the admin may change, with the session's CSRF token in the header {@value DashboardAccess#CSRF_HEADER}. A guest's
 * change is refused (403). A level change is stored, applies at once on this instance and within
 * {@code fmd.level-refresh} ms on every other instance sharing the database.
 */
public final class LevelsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern LEVEL_PATH = Pattern.compile("/(\\d{1,18})/level/?");
    private static final Pattern BULK_PATH = Pattern.compile("/level/?");
    /** Room for the ids of several thousand endpoints. */
    private static final int MAX_BODY = 64 * 1024;

    private final transient Monitor monitor;
    private final transient LevelChanges changes;
    private final transient DashboardAccess access;
    private final String base;

    /**
     * @param monitor the endpoints
     * @param changes stores level changes
     * @param access  who is logged in to the dashboard
     * @param base    the dashboard's path, e.g. {@code /fmd}
     */
    LevelsApi(Monitor monitor, LevelChanges changes, DashboardAccess access, String base) {
        this.monitor = monitor;
        this.changes = changes;
        this.access = access;
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorized(request, response, false)) {
            return;
        }
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "no such resource: " + request.getPathInfo());
            return;
        }
        JsonArrayBuilder endpoints = Json.createArrayBuilder();
        monitor.endpoints().all().stream().filter(e -> e.id() != 0).sorted(Comparator.comparing(Endpoint::name))
                .forEach(e -> endpoints.add(Json.createObjectBuilder().add("id", e.id()).add("name", e.name())
                        .add("httpMethod", e.httpMethod()).add("path", e.path()).add("level", e.level())));
        json(response, HttpServletResponse.SC_OK, endpoints.build().toString());
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorized(request, response, true)) {
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher one = LEVEL_PATH.matcher(path);
        boolean many = BULK_PATH.matcher(path).matches();
        if (!one.matches() && !many) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "PUT " + base + "/api/endpoints/{id}/level and PUT "
                    + base + "/api/endpoints/level are the only changes");
            return;
        }
        JsonObject body = body(request, response);
        Integer level = body == null ? null : level(body, response);
        if (level == null) {
            return;
        }
        List<Long> ids = one.matches() ? List.of(Long.parseLong(one.group(1))) : ids(body, response);
        if (ids == null) {
            return;
        }
        try {
            List<Long> unknown = new ArrayList<>();
            for (long id : ids) {
                if (!changes.changeLevel(id, level)) {
                    unknown.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                error(response, HttpServletResponse.SC_NOT_FOUND, "no endpoint with id "
                        + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                return;
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (IllegalArgumentException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "field 'level': " + e.getMessage());
        } catch (IllegalStateException e) {
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    /** @return the JSON object of the body, or null after answering 400 or 413 */
    private static JsonObject body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body larger than " + MAX_BODY + " bytes");
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "expected a JSON object such as {\"level\": 3}");
            return null;
        }
    }

    /** @return the level of a body such as {@code {"level": 3}}, or null after answering 400 */
    private static Integer level(JsonObject body, HttpServletResponse response) throws IOException {
        JsonValue value = body.get("level");
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.intValue();
        }
        error(response, HttpServletResponse.SC_BAD_REQUEST, "field 'level': expected an integer from 0 to 3, got "
                + value);
        return null;
    }

    /** @return the ids of a body such as {@code {"level": 3, "ids": [4, 7]}}, or null after answering 400 */
    private static List<Long> ids(JsonObject body, HttpServletResponse response) throws IOException {
        JsonValue value = body.get("ids");
        if (value instanceof JsonArray array && !array.isEmpty()
                && array.stream().allMatch(v -> v instanceof JsonNumber n && n.isIntegral())) {
            return array.stream().map(v -> ((JsonNumber) v).longValue()).distinct().toList();
        }
        error(response, HttpServletResponse.SC_BAD_REQUEST, "field 'ids': expected a non-empty array of endpoint "
                + "ids, got " + value);
        return null;
    }

    /**
     * @return whether the call may go on: it carries the admin token, or comes from a session logged in to the
     *         dashboard (for a change: the admin's, with its CSRF token); else answers 401 or 403
     */
    private boolean authorized(HttpServletRequest request, HttpServletResponse response, boolean change)
            throws IOException {
        ApiCaller caller = ApiCaller.of(request, access, monitor.config().adminToken());
        if (caller.kind() == ApiCaller.Kind.TOKEN) {
            return true;
        }
        if (caller.kind() == ApiCaller.Kind.STRANGER) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"fmd\"");
            error(response, HttpServletResponse.SC_UNAUTHORIZED, "log in at " + base + "/login, or send "
                    + (monitor.config().adminToken().isEmpty() ? "fmd.admin-token (not set here)" : "fmd.admin-token")
                    + " as a bearer token");
            return false;
        }
        if (change && caller.kind() == ApiCaller.Kind.GUEST) {
            error(response, HttpServletResponse.SC_FORBIDDEN, caller.user().name() + " is a read-only guest");
            return false;
        }
        if (change && !DashboardAccess.csrfValid(request)) {
            error(response, HttpServletResponse.SC_FORBIDDEN, "a change from a browser needs the page's CSRF token "
                    + "in the header " + DashboardAccess.CSRF_HEADER);
            return false;
        }
        return true;
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, Json.createObjectBuilder().add("error", message).build().toString());
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
