package dev.fmd.rules;

import dev.fmd.access.ApiCaller;
import dev.fmd.access.DashboardAccess;
import dev.fmd.access.JsonAnswer;
import dev.fmd.access.TokenGate;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.LevelChanges;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
 * change is refused (403). A wrong token counts as a failed login ({@link TokenGate}): after too many from one
 * address, 429 with {@code Retry-After}. A level change is stored, applies at once on this instance and within
 * {@code fmd.level-refresh} ms on every other instance sharing the database.
 * <p>
 * Every input is checked before anything changes, and a wrong one is answered with a JSON {@code {"error": ...}}
 * naming it: the body must be {@code application/json} (else 415), a JSON object of at most 64 KB (else 400, 413)
 * with exactly the fields {@code level} (an integer 0 to 3) and, for the bulk change, {@code ids} (a non-empty array
 * of endpoint ids); an id no endpoint has is a 404, and then no level changes.
 */
public final class LevelsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern LEVEL_PATH = Pattern.compile("/(\\d{1,18})/level/?");
    private static final Pattern BULK_PATH = Pattern.compile("/level/?");
    /** Room for the ids of several thousand endpoints. */
    private static final int MAX_BODY = 64 * 1024;
    private static final String LEVEL = "level";
    private static final String IDS = "ids";

    private final transient Monitor monitor;
    private final transient LevelChanges changes;
    private final transient DashboardAccess access;
    private final transient TokenGate gate;
    private final String base;

    /**
     * @param monitor the endpoints
     * @param changes stores level changes
     * @param access  who is logged in to the dashboard
     * @param gate    checks bearer tokens against the login throttle
     * @param base    the dashboard's path, e.g. {@code /fmd}
     */
    LevelsApi(Monitor monitor, LevelChanges changes, DashboardAccess access, TokenGate gate, String base) {
        this.monitor = monitor;
        this.changes = changes;
        this.access = access;
        this.gate = gate;
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
        String type = request.getContentType();
        if (type == null || !type.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
            error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "header 'Content-Type': expected "
                    + "application/json, got " + (type == null ? "none" : shorten(type)));
            return;
        }
        JsonObject body = body(request, response);
        if (body == null || !onlyFields(body, one.matches() ? Set.of(LEVEL) : Set.of(LEVEL, IDS), response)) {
            return;
        }
        Integer level = level(body, response);
        if (level == null) {
            return;
        }
        List<Long> ids = one.matches() ? List.of(Long.parseLong(one.group(1))) : ids(body, response);
        if (ids == null) {
            return;
        }
        Set<Long> known = monitor.endpoints().all().stream().map(Endpoint::id).filter(id -> id != 0)
                .collect(Collectors.toSet());
        List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "no endpoint with id "
                    + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; nothing changed");
            return;
        }
        try {
            List<Long> gone = new ArrayList<>();
            for (long id : ids) {
                if (!changes.changeLevel(id, level)) {
                    gone.add(id);
                }
            }
            if (!gone.isEmpty()) {
                error(response, HttpServletResponse.SC_NOT_FOUND, "no endpoint with id "
                        + gone.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                return;
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (IllegalArgumentException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "field 'level': " + e.getMessage());
        } catch (IllegalStateException e) {
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * @return the JSON object of the body, or null after answering 400 (not one JSON object, nested too deeply, cut
     *         short) or 413 (then the connection is closed, as the rest of the body is not read)
     */
    private static JsonObject body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            response.setHeader("Connection", "close");
            error(response, HttpServletResponse.SC_BAD_REQUEST, "body: ended before its Content-Length");
            return null;
        }
        if (body.length > MAX_BODY) {
            response.setHeader("Connection", "close");
            error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body larger than " + MAX_BODY + " bytes");
            return null;
        }
        try (JsonParser parser = Json.createParser(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            if (parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT) {
                JsonObject object = parser.getObject();
                if (!parser.hasNext() && object.size() == fieldCount(body)) {
                    return object;
                }
            }
        } catch (RuntimeException e) {
            // not JSON, or nested deeper than the parser takes: a bad body like any other
        }
        error(response, HttpServletResponse.SC_BAD_REQUEST, "body: expected one JSON object such as {\"level\": 3}, "
                + "each field once");
        return null;
    }

    /**
     * @param body a JSON object's text
     * @return how many fields its text has at the top, duplicates counted (a parsed object keeps one of each name,
     *         so a body naming a field twice, {@code {"level": 0, "level": 3}}, is told by the difference)
     */
    private static int fieldCount(byte[] body) {
        int fields = 0;
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> fields += depth == 1 ? 1 : 0;
                    default -> {
                    }
                }
            }
        }
        return fields;
    }

    /** @return true when the body has no field but the allowed ones; else false after answering 400 */
    private static boolean onlyFields(JsonObject body, Set<String> allowed, HttpServletResponse response)
            throws IOException {
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                error(response, HttpServletResponse.SC_BAD_REQUEST, "field '" + shorten(field) + "': unknown; "
                        + "expected only " + String.join(" and ", allowed.stream().sorted().toList()));
                return false;
            }
        }
        return true;
    }

    /** @return the level of a body such as {@code {"level": 3}}, or null after answering 400 */
    private static Integer level(JsonObject body, HttpServletResponse response) throws IOException {
        JsonValue value = body.get(LEVEL);
        Long level = exact(value);
        if (level != null && level >= 0 && level <= 3) {
            return level.intValue();
        }
        error(response, HttpServletResponse.SC_BAD_REQUEST, "field 'level': expected an integer from 0 to 3, got "
                + shorten(String.valueOf(value)));
        return null;
    }

    /** @return the ids of a body such as {@code {"level": 3, "ids": [4, 7]}}, or null after answering 400 */
    private static List<Long> ids(JsonObject body, HttpServletResponse response) throws IOException {
        JsonValue value = body.get(IDS);
        if (value instanceof JsonArray array && !array.isEmpty()
                && array.stream().allMatch(v -> exact(v) != null)) {
            return array.stream().map(LevelsApi::exact).distinct().toList();
        }
        error(response, HttpServletResponse.SC_BAD_REQUEST, "field 'ids': expected a non-empty array of endpoint "
                + "ids, got " + shorten(String.valueOf(value)));
        return null;
    }

    /** @return the value as a long when it is an integral JSON number that fits one exactly, else null */
    private static Long exact(JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigDecimalValue().longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    /** @return text from the request cut to 100 characters for an error message */
    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /**
     * @return whether the call may go on: it carries the admin token, or comes from a session logged in to the
     *         dashboard (for a change: the admin's, with its CSRF token); else answers 401 or 403
     */
    private boolean authorized(HttpServletRequest request, HttpServletResponse response, boolean change)
            throws IOException {
        ApiCaller caller = ApiCaller.of(request, access, monitor.config().adminToken(), gate);
        if (caller.kind() == ApiCaller.Kind.TOKEN) {
            return true;
        }
        if (caller.kind() == ApiCaller.Kind.THROTTLED) {
            error(response, 429, TokenGate.refuse(response, caller.retryAfter()));
            return false;
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
        JsonAnswer.error(response, status, message, null);
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        JsonAnswer.json(response, status, body);
    }
}
