package dev.fmd.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends GET requests for the load tools ({@link LoadGenerator}, {@link PacedLoad}) and counts how they were answered.
 *
 * <p>Contract: one {@link HttpClient} (HTTP/1.1, keep-alive, 10 s connect timeout) is shared by every thread that
 * calls {@link #send}; each request times out after 60 s. An answer other than 200 counts as a non-200, an exception
 * (connection refused, timeout, interrupt) as a failure; the first problem of either kind is kept as text. The body
 * is read in full and dropped. Thread-safe.
 */
final class Answers {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final AtomicInteger non200 = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile String firstProblem;

    /** A GET request of {@code uri} with the timeout this class uses. */
    static HttpRequest get(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(60)).build();
    }

    /** Sends {@code request}, waits for the whole answer and counts it; never throws. */
    void send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                non200.incrementAndGet();
                problem("HTTP " + response.statusCode() + " for " + request.uri());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            errors.incrementAndGet();
            problem(e + " for " + request.uri());
        }
    }

    private void problem(String text) {
        if (firstProblem == null) {
            firstProblem = text;
        }
    }

    /** Answers other than 200 so far. */
    int non200() {
        return non200.get();
    }

    /** Requests that failed without an answer so far. */
    int errors() {
        return errors.get();
    }

    /** The first non-200 answer or failure, or null. */
    String firstProblem() {
        return firstProblem;
    }
}
