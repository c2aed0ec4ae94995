package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.OutageDatabase;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.tiny.TinyApplication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * fmd's database really stops (a throwaway PostgreSQL or MariaDB instance, {@code scripts/outage-database.sh}) for
 * 60 s while the application takes about 100 requests a second: the application answers as always, every measurement
 * that fit {@code fmd.queue-capacity} is stored once the database is back, and the rest is counted as dropped,
 * exactly. And a batch the database refuses for one bad row loses only that row.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final String ECHO = "EchoResource.echo";
    private static final int CAPACITY = 2_000;
    private static final long OUTAGE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int PER_SECOND = 100;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive tiny() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "tiny.war").addPackage(TinyApplication.class.getPackage());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fmd.queue-capacity", String.valueOf(CAPACITY));
        if (Database.current() != Database.DEFAULT) {
            OutageDatabase.start();
            OutageDatabase.configure(war, config);
        }
        return TestWars.configured(TestWars.withFmd(war), config, PREFIX, Database.DEFAULT);
    }

    @BeforeAll
    static void onlyWithAnExternalDatabase() {
        assumeTrue(Database.current() != Database.DEFAULT, "the server's embedded database cannot be stopped");
    }

    @AfterAll
    static void dropTables() throws Exception {
        if (Database.current() != Database.DEFAULT) {
            OutageDatabase.start();
            try (Connection connection = OutageDatabase.connect(); Statement statement = connection.createStatement()) {
                for (String table : Database.TABLES) {
                    statement.executeUpdate("DROP TABLE IF EXISTS " + PREFIX + table);
                }
            }
        }
    }

    @Test
    @Order(1)
    void poisonedBatchLosesOnlyItsBadRow() throws Exception {
        FmdClient client = new FmdClient(deployment, "tiny");
        assertEquals(200, client.get("tiny/echo").statusCode());
        client.awaitRequestRows(ECHO, rows -> rows.size() == 1);
        try (Connection connection = OutageDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE " + PREFIX + "request ADD CONSTRAINT " + PREFIX + "poison "
                    + "CHECK (group_by IS NULL OR group_by <> 'poison')");
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(200, client.get("tiny/echo", "X-User", i == 117 ? "poison" : "user-" + i).statusCode());
        }
        long[] counts = awaitCount(client, 1 + 199);
        assertEquals(200, counts[0], "the 199 good rows beside the bad one are stored, the bad one is not");
        assertEquals(200, counts[1], "the rollups count exactly the stored rows");
        assertEquals(1, client.dashboardFigure("rejected"), "the refused row is counted and shown");
        assertTrue(client.requestRows(ECHO).stream().noneMatch(r -> "poison".equals(FmdClient.text(r, "group_by"))));
        try (Connection connection = OutageDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE " + PREFIX + "request DROP " + (Database.current() == Database.MARIADB
                    ? "CONSTRAINT" : "CONSTRAINT") + " " + PREFIX + "poison");
        }
    }

    @Test
    @Order(2)
    void outageOfAMinuteLosesNothingThatFitsTheQueue() {
        FmdClient client = new FmdClient(deployment, "tiny");
        long before = awaitCount(client, countOrRetry(client)[0])[0];
        long[] latencyBefore = load(client, 200, PER_SECOND);
        awaitCount(client, before + 200);
        long droppedBefore = client.dashboardFigure("dropped");

        OutageDatabase.stop();
        long sent;
        long[] latencyDuring;
        try {
            latencyDuring = load(client, (int) (PER_SECOND * TimeUnit.NANOSECONDS.toSeconds(OUTAGE_NANOS)),
                    PER_SECOND);
            sent = latencyDuring.length;
            assertTrue(client.page("fmd").body().contains("unreachable since"), "the dashboard says so");
        } finally {
            OutageDatabase.start();
        }
        long expectedAtLeast = before + 200 + CAPACITY;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long stored = 0;
        long dropped = 0;
        while (System.nanoTime() < deadline) {
            try {
                stored = client.requestCount(ECHO)[0];
                dropped = client.dashboardFigure("dropped") - droppedBefore;
                if (stored >= expectedAtLeast && client.dashboardFigure("queued") == 0
                        && stored - before - 200 + dropped == sent) {
                    break;
                }
            } catch (AssertionError staleConnectionOfTheProbe) {
                // the test's probe reads through the server's pool, whose connections died with the database
            }
            FmdClient.sleep(500);
        }
        FmdClient.sleep(1_000);
        stored = awaitCount(client, stored)[0];
        System.out.printf("outage of %d s on %s: %d sent, %d stored, %d dropped; latency ms before p50 %.2f p99 %.2f,"
                        + " during p50 %.2f p99 %.2f%n", TimeUnit.NANOSECONDS.toSeconds(OUTAGE_NANOS),
                Database.current(), sent, stored - before - 200, dropped, percentile(latencyBefore, 0.5),
                percentile(latencyBefore, 0.99), percentile(latencyDuring, 0.5), percentile(latencyDuring, 0.99));
        assertTrue(dropped > 0, "more requests than the queue holds: some are dropped");
        assertEquals(sent, stored - before - 200 + dropped, "every request is either stored or counted as dropped");
        assertTrue(stored - before - 200 >= CAPACITY, "at least a full queue is stored: " + (stored - before - 200));
        assertEquals(stored, countOrRetry(client)[1], "the rollups count exactly the stored rows");
        assertTrue(percentile(latencyDuring, 0.99) < 1_000, "requests never wait for the database");
    }

    /** Sends GETs at a steady rate; every answer must be the application's own. @return latencies in µs */
    private static long[] load(FmdClient client, int count, int perSecond) {
        long[] micros = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * (1_000_000_000L / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                FmdClient.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
            }
            long sent = System.nanoTime();
            HttpResponse<String> response = client.get("tiny/echo");
            micros[i] = (System.nanoTime() - sent) / 1_000;
            assertEquals(200, response.statusCode());
            assertEquals("echo", response.body());
        }
        return micros;
    }

    /** Waits until the endpoint has at least this many rows. @return {rows, rolled-up hits} */
    private static long[] awaitCount(FmdClient client, long rows) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long[] counts = {-1, -2};
        while ((counts[0] < rows || counts[1] != counts[0]) && System.nanoTime() < deadline) {
            FmdClient.sleep(300);
            counts = countOrRetry(client);
        }
        FmdClient.sleep(1_000);
        return countOrRetry(client);
    }

    /** Counts, trying again while the probe's pooled connections are stale after the restart. */
    private static long[] countOrRetry(FmdClient client) {
        AssertionError last = null;
        for (int i = 0; i < 20; i++) {
            try {
                return client.requestCount(ECHO);
            } catch (AssertionError e) {
                last = e;
                FmdClient.sleep(250);
            }
        }
        throw last;
    }

    private static double percentile(long[] micros, double q) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
    }
}
