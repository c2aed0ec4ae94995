package dev.fmd.monitor;

import dev.fmd.config.FmdConfig;
import dev.fmd.outlier.OutlierDetector;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the outlier watch keeps for a request of level 2 goes when the request ends, recorded or not, and, as a last
 * defence, once it was followed for longer than {@link RequestObserver#FOLLOWED_AT_MOST_NANOS}. (The deployed path,
 * with the profiler too: {@code OddRequestsLeaveNothingBehindIT}.) An endpoint keeps at most
 * {@code fmd.outlier-rate} outliers a second, in bursts of twice as many; the others are counted, not kept.
 */
class FollowedRequestsTest {

    @Path("items")
    public static class Items {
        @GET
        public String list() {
            return "";
        }
    }

    private final FmdConfig config = FmdConfig.read(key -> Optional.ofNullable(Map.of("fmd.monitor-level", "2",
            "fmd.outlier-warmup", "1", "fmd.outlier-rate", "1").get(key)), "host-1");
    private final Monitor monitor = new Monitor(config);
    private final OutlierDetector outliers = new OutlierDetector(config, monitor.attachments(), monitor.problems());
    private final Endpoint endpoint;

    FollowedRequestsTest() throws NoSuchMethodException {
        monitor.addObserver(outliers);
        endpoint = monitor.endpoints().endpointFor(Items.class, Items.class.getMethod("list")).orElseThrow();
        InFlightRequest first = started(); // its end gives the endpoint an average, so later ones are watched
        outliers.finished(first, null, 200, 1_000_000);
        monitor.ended(first);
    }

    @Test
    void aRequestThatEndsWithoutBeingRecordedIsFollowedNoMore() {
        InFlightRequest request = started();
        assertEquals(new Following("outliers", 1, 0, 0, false), outliers.following());

        monitor.ended(request);
        monitor.ended(request);

        assertEquals(List.of(new Following("outliers", 0, 0, 0, false)), monitor.following());
    }

    @Test
    void aRequestFollowedLongerThanTheBoundIsDroppedAndCountedOnce() {
        InFlightRequest stuck = started();
        long now = System.nanoTime();

        outliers.expire(now);
        assertEquals(new Following("outliers", 1, 0, 0, false), outliers.following());
        outliers.expire(now + RequestObserver.FOLLOWED_AT_MOST_NANOS + 1_000_000_000L);
        outliers.expire(now + RequestObserver.FOLLOWED_AT_MOST_NANOS + 2_000_000_000L);
        assertEquals(new Following("outliers", 0, 1, 0, false), outliers.following());

        monitor.ended(stuck);
        assertEquals(new Following("outliers", 0, 1, 0, false), outliers.following());
    }

    @Test
    void aBurstOfOutliersKeepsTwiceTheRateAndCountsTheRest() {
        long duration = 100_000_000L;
        for (int i = 0; i < 5; i++, duration *= 10) { // each far beyond 2.5 times the average of those before it
            InFlightRequest slow = started();
            outliers.finished(slow, http(), 200, duration);
            monitor.ended(slow);
        }

        List<RequestAttachment> kept = new ArrayList<>();
        monitor.attachments().drainTo(kept, 100);
        assertEquals(2, kept.size(), "fmd.outlier-rate=1 keeps a burst of 2");
        assertEquals(3, outliers.following().overBudget());
    }

    private InFlightRequest started() {
        InFlightRequest request = InFlightRequest.open(monitor);
        InFlightRequest.detach(false);
        request.endpoint(endpoint);
        return request;
    }

    /** A GET of /items from 127.0.0.1 with no headers. */
    private static HttpServletRequest http() {
        return (HttpServletRequest) Proxy.newProxyInstance(FollowedRequestsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    Class<?> type = method.getReturnType();
                    return switch (method.getName()) {
                        case "getRequestURL" -> new StringBuffer("http://127.0.0.1/items");
                        case "getMethod" -> "GET";
                        case "getRemoteAddr" -> "127.0.0.1";
                        default -> type == Enumeration.class ? Collections.emptyEnumeration()
                                : type == Map.class ? Map.of() : type == int.class ? (Object) 0 : type == long.class ? (Object) 0L
                                : type == boolean.class ? false : null;
                    };
                });
    }
}
