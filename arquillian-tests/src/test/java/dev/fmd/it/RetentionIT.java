package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.support.TinyApp;
import dev.fmd.it.tiny.TinyApplication;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention in the server, on this run's database: with {@code fmd.retention-days=1}, the writer's first pass (30 s
 * after start) deletes the requests, stack lines and outliers of two days ago, and keeps the new requests and every
 * rollup younger than {@code fmd.rollup-retention-days}.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final Duration PASS_TIMEOUT = Duration.ofSeconds(120);

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "tiny.war").addPackage(TinyApplication.class.getPackage());
        return TestWars.configured(TestWars.withFmd(war), Map.of("fmd.retention-days", "1"), PREFIX);
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    @Test
    void firstPassDeletesRawRowsOlderThanTheRetentionAndKeepsNewRequestsAndRollups() throws Exception {
        FmdClient client = new FmdClient(deployment, "tiny");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("tiny/echo").statusCode());
        }
        client.awaitRequestRows("EchoResource.echo", rows -> rows.size() == 3);
        HttpResponse<String> inserted = client.post("tiny/fmd-probe/aged?days=2");
        assertEquals(200, inserted.statusCode(), inserted.body());
        assertEquals(counts(3, 9, 1, 1, 1), aged(client), "the aged rows are in, before the first pass");

        long deadline = System.nanoTime() + PASS_TIMEOUT.toNanos();
        JsonObject left = aged(client);
        while (left.getJsonNumber("request").longValue() > 0 && System.nanoTime() < deadline) {
            FmdClient.sleep(1_000);
            left = aged(client);
        }

        assertEquals(counts(0, 0, 0, 1, 1), left, "raw rows of two days ago gone, their rollups kept");
        assertEquals(3, client.requestRows("EchoResource.echo").size(), "the new requests stay");
        String line = "fmd: retention pass over the tables with prefix '" + PREFIX + "' done";
        for (long until = System.nanoTime() + PASS_TIMEOUT.toNanos(); !TinyApp.serverLogContains(line)
                && System.nanoTime() < until; ) {
            FmdClient.sleep(500); // the pass logs its line after its last delete, and the log is written a bit later
        }
        assertTrue(TinyApp.serverLogContains(line), "the pass logged its line");
    }

    private static JsonObject aged(FmdClient client) {
        HttpResponse<String> response = client.get("tiny/fmd-probe/aged");
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject counts(long requests, long stackLines, long outliers, long rollups, long dailyRollups) {
        return Json.createObjectBuilder().add("request", requests).add("stack_line", stackLines)
                .add("outlier", outliers).add("rollup", rollups).add("rollup_day", dailyRollups).build();
    }
}
