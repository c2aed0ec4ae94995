package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.config.InvalidConfigException;
import dev.fmd.monitor.Monitor;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The storage concern's CDI extension: holds the application's {@link Store} and its {@link BatchWriter}, which the
 * {@link StoreInitializer} starts on a container-managed thread; at shutdown, writes what is still queued (for a few
 * seconds at most) and closes the persistence unit.
 */
public class StoreExtension implements Extension {

    private static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
    private static final long SHUTDOWN_WAIT_MS = 5_000;

    private Store store;
    private BatchWriter writer;
    private EndpointQueries queries;
    private ProfileQueries profiles;
    private OutlierQueries outliers;
    private Monitor monitor;

    /**
     * Starts storing for the application, once: called by the {@link StoreInitializer} when the web module starts,
     * where every JNDI name of the application ({@code java:app}, {@code @DataSourceDefinition}s) can be looked up.
     *
     * @param monitor the application's monitor
     * @throws InvalidConfigException when {@code fmd.datasource} names no datasource
     */
    synchronized void start(Monitor monitor) {
        if (store != null) {
            return;
        }
        FmdConfig config = monitor.config();
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(config.datasource());
        } catch (NamingException | ClassCastException e) {
            throw InvalidConfigException.of(FmdConfig.DATASOURCE, config.datasource(),
                    "expected the JNDI name of a DataSource the application can see (" + e.getMessage() + ")");
        }
        store = new Store(config, dataSource);
        queries = new EndpointQueries(store);
        profiles = new ProfileQueries(store);
        outliers = new OutlierQueries(store);
        this.monitor = monitor;
        writer = new BatchWriter(monitor, store);
        Thread thread = threadFactory().newThread(writer);
        thread.setName("fmd-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes BeforeShutdown shutdown) {
        if (writer != null) {
            writer.stop(SHUTDOWN_WAIT_MS);
        }
        if (store != null) {
            store.close();
        }
    }

    /** @return the query services over fmd's tables, empty when fmd is disabled */
    public Optional<EndpointQueries> queries() {
        return Optional.ofNullable(queries);
    }

    /** @return the profile query services, empty when fmd is disabled */
    public Optional<ProfileQueries> profiles() {
        return Optional.ofNullable(profiles);
    }

    /** @return the outlier query services, empty when fmd is disabled */
    public Optional<OutlierQueries> outliers() {
        return Optional.ofNullable(outliers);
    }

    /**
     * Changes an endpoint's monitoring level, in the database (so that every instance applies it within
     * {@code fmd.level-refresh} ms) and at once on this instance.
     *
     * @param endpointId the endpoint's id
     * @param level      0 to 3
     * @return false when there is no such endpoint
     * @throws IllegalArgumentException when the level is not 0 to 3
     * @throws IllegalStateException    when fmd is disabled or its database not ready
     */
    public boolean changeLevel(long endpointId, int level) {
        if (level < 0 || level > 3) {
            throw new IllegalArgumentException("level must be 0 (off), 1 (measure), 2 (+ outliers) or 3 (+ profiler)"
                    + ", not " + level);
        }
        if (store == null || !store.isOpen()) {
            throw new IllegalStateException("fmd's database is not ready");
        }
        java.util.Optional<dev.fmd.monitor.Endpoint> endpoint = monitor.endpoints().all().stream()
                .filter(e -> e.id() == endpointId).findFirst();
        if (endpoint.isEmpty()) {
            return false;
        }
        store.level(endpointId, level);
        endpoint.get().level(level);
        return true;
    }

    /** @return requests written since start, and dropped because their batch failed, as {@code {written, failed}} */
    public long[] writeCounts() {
        return writer == null ? new long[] {0, 0} : new long[] {writer.written(), writer.failed()};
    }

    private static ThreadFactory threadFactory() {
        try {
            return (ManagedThreadFactory) new InitialContext().lookup(THREAD_FACTORY);
        } catch (NamingException | ClassCastException e) {
            return Thread::new;
        }
    }
}
