package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.config.InvalidConfigException;
import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.MonitorExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The storage concern's CDI extension: once the deployment is valid, finds fmd's datasource ({@code fmd.datasource},
 * failing the deployment when the name is unknown) and starts the {@link BatchWriter} on a container-managed
 * thread; at shutdown, writes what is still queued (for a few seconds at most) and closes the persistence unit.
 */
public class StoreExtension implements Extension {

    private static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
    private static final long SHUTDOWN_WAIT_MS = 5_000;

    private Store store;
    private BatchWriter writer;
    private EndpointQueries queries;

    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) AfterDeploymentValidation validation,
               BeanManager beanManager) {
        Optional<Monitor> monitor = beanManager.getExtension(MonitorExtension.class).monitor();
        if (monitor.isEmpty()) {
            return;
        }
        FmdConfig config = monitor.get().config();
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(config.datasource());
        } catch (NamingException | ClassCastException e) {
            validation.addDeploymentProblem(InvalidConfigException.of(FmdConfig.DATASOURCE, config.datasource(),
                    "expected the JNDI name of a DataSource the application can see (" + e.getMessage() + ")"));
            return;
        }
        store = new Store(config, dataSource);
        queries = new EndpointQueries(store);
        writer = new BatchWriter(monitor.get(), store);
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
