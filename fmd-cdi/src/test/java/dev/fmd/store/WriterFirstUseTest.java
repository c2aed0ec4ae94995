package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.ManagedThreads;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.RequestRecord;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer migrates the tables at once but leaves the persistence unit closed while the application boots, and
 * opens it as soon as it is needed: the first queued request, the first read of a dashboard page, the first look at
 * the database's state.
 */
class WriterFirstUseTest {

    /** The application whose endpoint the request reaches. */
    @Path("/boot")
    public static class Boot {
        @GET
        public String get() {
            return "";
        }
    }

    @Test
    void theFirstQueuedRequestOpensTheTablesAndIsWritten() {
        try (Started started = new Started()) {
            assertStaysClosed(started);
            Endpoint endpoint = started.monitor.endpoints().all().iterator().next();
            assertTrue(started.monitor.queue().offer(new RequestRecord(endpoint, true, System.currentTimeMillis(),
                    1_000_000, "v1", null, "127.0.0.1", 200, null, null)));
            await(() -> started.writer.written() == 1);
            assertTrue(started.store.isOpen());
        }
    }

    @Test
    void theFirstReadOpensTheTables() {
        try (Started started = new Started()) {
            assertStaysClosed(started);
            long instances = started.store.read(em -> em.createQuery("SELECT COUNT(i) FROM FmdInstance i",
                    Long.class).getSingleResult());
            assertTrue(started.store.isOpen());
            assertEquals(0, instances, "the tables are migrated, the writer has not written yet");
        }
    }

    @Test
    void theApplicationsFirstRequestOpensTheTables() {
        try (Started started = new Started()) {
            assertStaysClosed(started);
            started.monitor.serving(); // what the servlet filter does on any request, monitored or not
            await(started.store::isOpen, Duration.ofSeconds(BatchWriter.OPEN_DELAY_SECONDS / 2)); // not by the delay
        }
    }

    @Test
    void lookingAtTheDatabaseStateOpensTheTables() {
        try (Started started = new Started()) {
            assertStaysClosed(started);
            started.writer.wanted();
            await(started.store::isOpen);
        }
    }

    private static void assertStaysClosed(Started started) {
        await(() -> migrated(started.h2));
        pause(300);
        assertFalse(started.store.isOpen(), "nothing needed the store yet");
    }

    private static boolean migrated(JdbcDataSource h2) {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            return MigrationsIT.count(statement, "SELECT COUNT(*) FROM fmd_request") == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(BooleanSupplier condition) {
        await(condition, Duration.ofSeconds(30));
    }

    private static void await(BooleanSupplier condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            pause(20);
        }
        assertTrue(condition.getAsBoolean(), "in time");
    }

    /** A writer started on a fresh in-memory H2 database, as at a boot. */
    private static final class Started implements AutoCloseable {
        final JdbcDataSource h2 = new JdbcDataSource();
        final Monitor monitor;
        final Store store;
        final BatchWriter writer;

        Started() {
            String name = "first" + ThreadLocalRandom.current().nextLong(1L << 40);
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            Map<String, String> values = Map.of(FmdConfig.INSTANCE, name, FmdConfig.FLUSH_INTERVAL, "50");
            FmdConfig config = FmdConfig.read(key -> Optional.ofNullable(values.get(key)), "test-host");
            monitor = new Monitor(config);
            monitor.endpoints().registerRoots(List.of(Boot.class));
            store = new Store(config, h2);
            writer = new BatchWriter(monitor, store, List.of(), new ManagedThreads(Thread::new, monitor.problems()));
            writer.start();
        }

        @Override
        public void close() {
            writer.stop();
        }
    }
}
