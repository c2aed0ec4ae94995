package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.trees.TreesApplication;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.fmd.it.support.FmdClient.number;
import static dev.fmd.it.support.FmdClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trees of a CPU-bound endpoint of about 15 ms set to level 3 at run time: the profiler samples inside the
 * endpoint from the first profiled request on, and the level change delays no request (the JFR recording starts off
 * the request path). Durations compared are the ones fmd stored, after a warm-up at level 1.
 */
@ExtendWith(ArquillianExtension.class)
class ProfilerTreesIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String ENDPOINT = "ComputeResource.compute";
    private static final int WARM_UP = 150;
    private static final int AT_LEVEL_3 = 150;
    /** Between two requests at level 3: profiled requests come one by one, as with a budget of a few per second. */
    private static final int PAUSE_MS = 30;
    /** Far below the cost of starting JFR on a request thread, far above this machine's noise. */
    private static final int FIRST_REQUEST_MARGIN_MS = 150;
    /** The share of profiled requests whose tree has a line below the endpoint's. */
    private static final double SAMPLED_INSIDE_AT_LEAST = 0.7;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive trees() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "trees.war")
                .addPackage(TreesApplication.class.getPackage());
        // every request within the profiling budget, so that every one after the recording started is profiled
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.admin-token", TOKEN,
                "fmd.profiler-rate", "1000"), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    @Test
    void cpuBoundRequestsGetSamplesInsideTheEndpointFromTheFirstProfiledOne() {
        FmdClient client = new FmdClient(deployment, "trees");
        for (int i = 0; i < WARM_UP; i++) {
            assertEquals(200, client.get("trees/compute").statusCode());
        }
        List<JsonObject> warm = client.awaitRequestRows(ENDPOINT, rows -> rows.size() == WARM_UP);
        double lastWarmId = warm.stream().mapToDouble(r -> number(r, "id")).max().orElseThrow();
        long id = (long) number(client.endpointRows().stream().filter(r -> text(r, "name").equals(ENDPOINT))
                .findFirst().orElseThrow(), "id");
        assertEquals(204, client.putJson("fmd/api/endpoints/" + id + "/level", "{\"level\":3}",
                "Authorization", "Bearer " + TOKEN).statusCode());
        for (int i = 0; i < AT_LEVEL_3; i++) {
            assertEquals(200, client.get("trees/compute").statusCode());
            FmdClient.sleep(PAUSE_MS);
        }
        List<JsonObject> requests = client.awaitRequestRows(ENDPOINT, rows -> rows.size() == WARM_UP + AT_LEVEL_3)
                .stream().filter(r -> number(r, "id") > lastWarmId).toList();
        client.awaitStackLines(ENDPOINT, lines -> roots(lines).size() >= 40);
        FmdClient.sleep(3000); // JFR delivers samples about every second; trees of the last requests follow
        List<JsonObject> lines = client.stackLines(ENDPOINT);
        Set<Double> profiled = roots(lines);
        Set<Double> withSamplesInside = lines.stream().filter(r -> number(r, "indent") >= 1)
                .map(r -> number(r, "request_id")).collect(Collectors.toSet());
        List<Double> profiledDurations = requests.stream().filter(r -> profiled.contains(number(r, "id")))
                .map(r -> number(r, "duration")).toList();
        String figures = profiled.size() + " of " + AT_LEVEL_3 + " requests profiled, " + withSamplesInside.size()
                + " with samples inside the endpoint; durations after the change (ms; + samples inside, r root line "
                + "alone, - not profiled): " + requests.stream().map(r -> Math.round(number(r, "duration"))
                + (withSamplesInside.contains(number(r, "id")) ? "+" : profiled.contains(number(r, "id")) ? "r" : "-"))
                .collect(Collectors.joining(" "));

        assertTrue(profiled.size() >= 40, "the recording started late: " + figures);
        // 77-95% over 7 runs of one day on this machine (median 89%); empty trees, the fault this guards against,
        // leave the endpoint's line alone in nearly every tree
        assertTrue(withSamplesInside.size() >= SAMPLED_INSIDE_AT_LEAST * profiled.size(), figures);
        // The fault this guards against (the first level-3 request starting JFR on its own thread) cost it
        // 450-1800 ms; this machine's noise alone gave a first profiled request 20-40 ms over the median.
        List<Double> next = profiledDurations.subList(1, 21);
        double bound = Math.max(median(next) + FIRST_REQUEST_MARGIN_MS, percentile90(next));
        assertTrue(profiledDurations.get(0) <= bound, "first profiled request " + profiledDurations.get(0)
                + " ms, at most the next 20's median + " + FIRST_REQUEST_MARGIN_MS + " ms or their 90th percentile ("
                + bound + " ms): " + figures);
        System.out.println("ProfilerTreesIT: " + figures);
    }

    /** @return the ids of the requests that have a tree (its root line at position 0) */
    private static Set<Double> roots(List<JsonObject> lines) {
        return lines.stream().filter(r -> number(r, "position") == 0).map(r -> number(r, "request_id"))
                .collect(Collectors.toSet());
    }

    /** @return the 90th percentile (nearest rank: the 18th of 20), which this machine's noise alone reaches */
    private static double percentile90(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
