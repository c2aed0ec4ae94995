package dev.fmd.example.shop;

import dev.fmd.testmonitor.client.FmdTestHeaders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The shop's API as the tests call it: plain {@link HttpClient} requests to {@code shop.url}, each carrying the
 * current test's Testmonitor tag ({@link FmdTestHeaders#apply}), so that the dashboard learns which endpoints each
 * test reaches. This is the one line a project adds to its own HTTP helper.
 */
final class Shop {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String URL = System.getProperty("shop.url", "http://127.0.0.1:8080");

    private Shop() {
    }

    static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(URL + path)).GET());
    }

    static HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(URL + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        FmdTestHeaders.apply(request);
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the shop did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
