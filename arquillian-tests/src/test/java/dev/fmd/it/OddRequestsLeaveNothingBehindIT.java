package dev.fmd.it;

import dev.fmd.it.odd.OddApplication;
import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.RawHttp;
import dev.fmd.it.support.RawHttp.Leaving;
import dev.fmd.it.support.Scrape;
import dev.fmd.it.support.TestWars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50,000 requests to endpoints at level 3 (profiled and watched for outliers) that end in odd ways: exceptions in
 * the resource, in the application's request, response and servlet filters, clients that leave in the middle of a
 * large response or before an asynchronous one, asynchronous resources that time out or fail. Once the server is
 * quiet, the outlier watch and the profiler follow no request any more, expired none, and JFR execution sampling is
 * off: nothing fmd keeps per request outlives its request, whatever happened to it. Read from {@code /fmd/metrics}.
 * <p>
 * The profiling budget ({@code fmd.profiler-rate}) gives each endpoint one token and no other for 1000 s: one
 * request of each endpoint is profiled, then sampling must stop for good; with a token left, sampling stays on by
 * design (the armed budget, docs/profiler.md).
 */
@ExtendWith(ArquillianExtension.class)
class OddRequestsLeaveNothingBehindIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    /** 50,000 (within the CI budget); {@code -Dfmd.it.odd-requests=N} for a longer or shorter run. */
    private static final int REQUESTS = Integer.getInteger("fmd.it.odd-requests", 50_000);
    private static final int CLIENTS = 32;

    /**
     * One odd way for a request to end: the resource, when the client leaves (null: it reads the whole response, on a
     * kept-alive connection), the status a reading client gets (0 for one that leaves).
     */
    private enum Odd {
        RESOURCE_THROWS("throws", null, 500),
        REQUEST_FILTER_THROWS("request-filter-throws", null, 500),
        RESPONSE_FILTER_THROWS("response-filter-throws", null, 500),
        SERVLET_FILTER_THROWS("servlet-filter-throws", null, 500),
        CLIENT_LEAVES_LARGE_RESPONSE("large", Leaving.AFTER_FIRST_BYTES, 0),
        ASYNC_TIMES_OUT("async-timeout", null, 503),
        CLIENT_LEAVES_BEFORE_ASYNC_TIMEOUT("async-timeout", Leaving.BEFORE_ANSWER, 0),
        ASYNC_ANSWERS_LATE("async-late", null, 200),
        CLIENT_LEAVES_BEFORE_LATE_ASYNC_ANSWER("async-late", Leaving.BEFORE_ANSWER, 0),
        ASYNC_THROWS("async-throws", null, 500);

        final String path;
        final Leaving leaving;
        final int status;

        Odd(String path, Leaving leaving, int status) {
            this.path = path;
            this.leaving = leaving;
            this.status = status;
        }
    }

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive odd() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "odd.war").addPackage(OddApplication.class.getPackage());
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.monitor-level", "3",
                "fmd.profiler-rate", "0.001", "fmd.outlier-warmup", "1", "fmd.metrics-public", "true"), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    @Test
    void afterOneHundredThousandOddRequestsNothingIsFollowedAndSamplingIsOff() throws Exception {
        FmdClient fmd = new FmdClient(deployment, "odd");
        String base = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        Odd[] odds = Odd.values();
        Map<Odd, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        LongAdder failedConnections = new LongAdder();
        int mostFollowed = 0;
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        Odd odd = odds[i % odds.length];
                        try {
                            int status = 0;
                            if (odd.leaving == null) {
                                status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + deployment.getPort() + base + "odd/requests/" + odd.path)).build(),
                                        HttpResponse.BodyHandlers.discarding()).statusCode();
                            } else {
                                RawHttp.getAndLeave(deployment.getPort(), base + "odd/requests/" + odd.path,
                                        odd.leaving);
                            }
                            statuses.computeIfAbsent(odd, o -> new ConcurrentHashMap<>())
                                    .computeIfAbsent(status, s -> new LongAdder()).increment();
                        } catch (IOException e) {
                            failedConnections.increment();
                        }
                    }
                    return null;
                }));
            }
            while (next.get() < REQUESTS) {
                mostFollowed = Math.max(mostFollowed, followed(scrape(fmd), "outliers"));
                FmdClient.sleep(200);
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        long sentMs = (System.nanoTime() - start) / 1_000_000;

        Scrape quiet = awaitQuiet(fmd);
        long quietMs = (System.nanoTime() - start) / 1_000_000 - sentMs;
        String figures = REQUESTS + " requests from " + CLIENTS + " clients in " + sentMs + " ms (" + REQUESTS * 1000L
                / Math.max(1, sentMs) + "/s), quiet " + quietMs + " ms later; " + failedConnections.sum()
                + " connections failed; most requests followed by the outlier watch at once: " + mostFollowed
                + "; statuses " + new TreeMap<>(statuses) + "; then followed by the outlier watch "
                + followed(quiet, "outliers") + ", by the profiler " + followed(quiet, "profiler") + ", sampling "
                + quiet.value("fmd_profiler_sampling");
        System.out.println("OddRequestsLeaveNothingBehindIT: " + figures);

        for (Odd odd : odds) {
            Map<Integer, LongAdder> got = statuses.getOrDefault(odd, Map.of());
            long all = got.values().stream().mapToLong(LongAdder::sum).sum();
            long expected = got.getOrDefault(odd.status, new LongAdder()).sum();
            // Payara answers a few of the racing asynchronous ones otherwise (a timeout against the resource
            // method's return, a resumed response against a connection reset): not fmd's doing
            assertTrue(all >= REQUESTS / odds.length && expected >= all * 0.99, odd + ": " + figures);
        }
        assertTrue(failedConnections.sum() < REQUESTS / 100, figures);
        assertTrue(mostFollowed > 0, "the outlier watch followed the requests while they ran: " + figures);
        assertEquals(0, followed(quiet, "outliers"), "requests the outlier watch still follows: " + quiet.text());
        assertEquals(0, followed(quiet, "profiler"), "windows the profiler still holds: " + quiet.text());
        assertEquals(0, quiet.value("fmd_expired_requests_total", "observer", "outliers"), quiet.text());
        assertEquals(0, quiet.value("fmd_expired_requests_total", "observer", "profiler"), quiet.text());
        assertEquals(0, quiet.value("fmd_profiler_sampling"), "JFR execution sampling still on: " + quiet.text());
    }

    /** @return the scrape once nothing is followed and sampling is off, or the last one after 30 s */
    private static Scrape awaitQuiet(FmdClient fmd) {
        Scrape scrape = scrape(fmd);
        for (int i = 0; i < 150 && (followed(scrape, "outliers") + followed(scrape, "profiler") > 0
                || scrape.value("fmd_profiler_sampling") > 0); i++) {
            FmdClient.sleep(200);
            scrape = scrape(fmd);
        }
        return scrape;
    }

    private static int followed(Scrape scrape, String observer) {
        return (int) scrape.value("fmd_followed_requests", "observer", observer);
    }

    private static Scrape scrape(FmdClient fmd) {
        var response = fmd.get("fmd/metrics");
        assertEquals(200, response.statusCode(), response.body());
        return Scrape.parse(response.body());
    }
}
