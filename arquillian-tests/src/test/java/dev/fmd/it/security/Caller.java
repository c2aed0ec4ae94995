package dev.fmd.it.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One caller of a deployed test WAR's dashboard, as the security tests need it: its own cookies (a session of its
 * own), its own client address (sent as {@code X-Forwarded-For} through the trusted proxy 127.0.0.1, so that the
 * login throttle of one caller does not reach another), and redirects not followed, so that every answer is seen as
 * sent.
 */
final class Caller {

    private static final Pattern CSRF = Pattern.compile("name=\"fmd-csrf\" content=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
            .build();
    private final String base;
    private final String address;

    /**
     * @param deployment the URL Arquillian injected: its port and context path
     * @param address    the client address this caller claims, e.g. {@code 10.1.0.1}
     */
    Caller(URL deployment, String address) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        this.base = "http://127.0.0.1:" + deployment.getPort() + path;
        this.address = address;
    }

    /** @return the context path, e.g. {@code /tiny/} */
    String contextPath() {
        return URI.create(base).getPath();
    }

    /**
     * @param method  the method
     * @param path    under the context root, e.g. {@code fmd/api/endpoints}
     * @param body    the body, or null
     * @param headers name, value, name, value, ...
     * @return the answer
     * @throws IOException when the server closed the connection without one
     */
    HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Forwarded-For", address);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** GET. */
    HttpResponse<String> get(String path, String... headers) throws IOException {
        return send("GET", path, null, headers);
    }

    /** PUT of a JSON body. */
    HttpResponse<String> putJson(String path, String json, String... headers) throws IOException {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), all);
    }

    /** POST of a form, fields as name, value, name, value, ... (already URL-encoded). */
    HttpResponse<String> postForm(String path, String... fields) throws IOException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(fields[i]).append('=').append(fields[i + 1]);
        }
        return send("POST", path, form.toString().getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/x-www-form-urlencoded");
    }

    /**
     * Logs in on fmd's form.
     *
     * @return the session's CSRF token, read from a page
     * @throws AssertionError when the login fails
     */
    String login(String user, String password) throws IOException {
        HttpResponse<String> login = postForm("fmd/login", "username", user, "password", password);
        if (login.statusCode() != 302) {
            throw new AssertionError("the login of " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        return csrf();
    }

    /** @return the CSRF token of this caller's session, read from a page */
    String csrf() throws IOException {
        HttpResponse<String> page = get("fmd/rules.xhtml");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the page: " + page.statusCode() + " " + page.body());
        }
        return csrf.group(1);
    }

    /** @return the session cookie this caller holds, or null */
    HttpCookie sessionCookie() {
        List<HttpCookie> all = cookies.getCookieStore().getCookies();
        return all.stream().filter(c -> c.getName().equalsIgnoreCase("JSESSIONID")).findFirst().orElse(null);
    }

    /** Replaces this caller's session cookie with another's. */
    void useSession(HttpCookie cookie) {
        cookies.getCookieStore().removeAll();
        cookies.getCookieStore().add(URI.create(base), cookie);
    }
}
