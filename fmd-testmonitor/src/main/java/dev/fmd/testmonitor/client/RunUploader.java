package dev.fmd.testmonitor.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a run to the dashboard: {@code POST <url>/api/test-runs} with {@code Authorization: Bearer <token>} and the
 * JSON body, and returns the server's answer whatever its status.
 */
final class RunUploader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** The dashboard's answer: 201 when stored, else the refusal with its JSON error. */
    record Answer(int status, String body) {
        boolean stored() {
            return status == 201;
        }
    }

    private RunUploader() {
    }

    /**
     * @throws IOException          when the dashboard cannot be reached
     * @throws IllegalArgumentException when the URL is not a valid http(s) URL
     */
    static Answer upload(String uploadUrl, String token, String json) throws IOException, InterruptedException {
        URI uri = URI.create(uploadUrl);
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL: " + uploadUrl);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
