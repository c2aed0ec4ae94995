package dev.fmd.testmonitor.client;

import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that tag an HTTP call with the test making it, so the monitored app records which endpoints each test
 * hits: {@code X-Fmd-Test} ({@code Class#method}), {@code X-Fmd-Test-Run} (the run key) and {@code X-Fmd-Test-Token}
 * (the upload token, which makes the server believe the tag). They exist only while a test runs under
 * {@link FmdTestMonitor} and a token is configured ({@code fmd.testmonitor.token} / {@code FMD_TESTMONITOR_TOKEN});
 * otherwise there is nothing to add.
 *
 * <pre>{@code
 * // java.net.http
 * HttpRequest request = FmdTestHeaders.apply(HttpRequest.newBuilder(uri)).GET().build();
 * // REST-assured
 * given().headers(FmdTestHeaders.current()).get("/api/products");
 * // JAX-RS client: client.register(new FmdTestClientFilter())
 * }</pre>
 */
public final class FmdTestHeaders {

    public static final String TEST = "X-Fmd-Test";
    public static final String RUN = "X-Fmd-Test-Run";
    public static final String TOKEN = "X-Fmd-Test-Token";

    private FmdTestHeaders() {
    }

    /**
     * The three headers of the current test (name to value, in the order above), or an empty map when no test is
     * current or no token is configured. Also empty for a test whose name is not plain printable ASCII (a method
     * named with letters like {@code ä}): header values are Latin-1 at most, and some clients refuse such values, so
     * such a test's calls stay untagged rather than fail. Unmodifiable.
     */
    public static Map<String, String> current() {
        return CurrentTest.get()
                .filter(test -> test.token() != null && printableAscii(test.testName()))
                .map(test -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put(TEST, test.testName());
                    headers.put(RUN, test.runKey());
                    headers.put(TOKEN, test.token());
                    return Collections.unmodifiableMap(headers);
                })
                .orElse(Map.of());
    }

    private static boolean printableAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** Sets the {@link #current()} headers on {@code builder} (none when there are none) and returns it. */
    public static HttpRequest.Builder apply(HttpRequest.Builder builder) {
        current().forEach(builder::setHeader);
        return builder;
    }
}
