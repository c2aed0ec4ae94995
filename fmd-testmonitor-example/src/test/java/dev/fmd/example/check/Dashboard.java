package dev.fmd.example.check;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample's dashboard as its admin sees it: logs in once (the client keeps the session cookie), GETs pages and
 * reads what they show, and lists the endpoints through the admin API ({@code fmd.admin-token}).
 */
final class Dashboard {

    private static final Pattern ENDPOINT = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new CookieManager()).build();
    private final String base;

    Dashboard(String base) {
        this.base = base;
    }

    /** Logs in as admin with the given password. */
    Dashboard login(String password) {
        String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/fmd/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 200 || login.uri().getPath().endsWith("/login")) {
            throw new AssertionError("the dashboard's login failed: " + login.statusCode());
        }
        return this;
    }

    /** @return the page's HTML, e.g. of {@code testmonitor.xhtml?w=24h} */
    String page(String page) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/fmd/" + page)).GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError(page + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** @return the endpoints' ids by name, from {@code GET /fmd/api/endpoints} */
    Map<String, Long> endpoints(String adminToken) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/fmd/api/endpoints"))
                .header("Authorization", "Bearer " + adminToken).GET());
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Matcher m = ENDPOINT.matcher(answer.body()); m.find(); ) {
            ids.put(m.group(2), Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /**
     * @param html  a page
     * @param regex a pattern with one group
     * @return each match's group, in page order
     */
    static List<String> all(String html, String regex) {
        List<String> found = new ArrayList<>();
        for (Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html); m.find(); ) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the dashboard did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
