package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * fmd's database: the datasource named by {@code fmd.datasource}, its tables brought to the current version by
 * {@link Migrations}, and fmd's own JPA persistence unit on it. Knows nothing of what is stored: the writer parts
 * ({@link RequestRows}, {@link AttachmentWriter}s) and the query services do. Used by the writer thread and by the
 * dashboard's queries, never by a request thread.
 * <p>
 * Closed by the {@link BatchWriter} after its last batch, so that nothing queued is lost at shutdown.
 */
@ApplicationScoped
public class Store {

    private FmdConfig config;
    private Schema schema;
    private volatile DataSource dataSource;
    private volatile EntityManagerFactory factory;
    private volatile boolean openOnFirstRead;
    private boolean migrated;

    /** For the container's proxy. */
    protected Store() {
    }

    /** @param config the configuration (datasource, table prefix, instance) */
    @Inject
    public Store(FmdConfig config) {
        this.config = config;
        this.schema = new Schema(config.tablePrefix());
    }

    /**
     * A store on a given datasource, outside a container (benchmarks, the data generator).
     *
     * @param config     the configuration
     * @param dataSource where the tables live
     */
    public Store(FmdConfig config, DataSource dataSource) {
        this(config);
        this.dataSource = dataSource;
    }

    /**
     * Looks up {@code fmd.datasource}, once. Called when the web module starts, where every JNDI name of the
     * application ({@code java:app}, {@code @DataSourceDefinition}s) resolves.
     *
     * @throws InvalidConfigException when {@code fmd.datasource} names no datasource
     */
    public void connect() {
        if (dataSource != null) {
            return;
        }
        try {
            dataSource = (DataSource) new InitialContext().lookup(config.datasource());
        } catch (NamingException | ClassCastException e) {
            throw InvalidConfigException.of(FmdConfig.DATASOURCE, config.datasource(),
                    "expected the JNDI name of a DataSource the application can see (" + e.getMessage() + ")");
        }
    }

    /**
     * Migrates the tables and opens the persistence unit. Called by the writer until it succeeds.
     *
     * @throws SQLException when the database cannot be reached or a migration fails
     */
    public synchronized void open() throws SQLException {
        if (factory != null) {
            return;
        }
        migrate();
        Properties properties = new Properties();
        properties.put("eclipselink.session-name",
                TablePrefixCustomizer.sessionName(config.tablePrefix(), UUID.randomUUID().toString()));
        properties.put("eclipselink.session.customizer", TablePrefixCustomizer.class.getName());
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        properties.put("eclipselink.jdbc.batch-writing.size", String.valueOf(Math.min(config.batchSize(), 1000)));
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.logging.level", "OFF");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.deploy-on-startup", "true");
        FmdPersistenceUnit unit = new FmdPersistenceUnit("fmd", dataSource, properties);
        factory = provider().createContainerEntityManagerFactory(unit, new HashMap<>());
    }

    /**
     * Migrates the tables, once (the persistence unit stays closed until {@link #open()}).
     *
     * @throws SQLException when the database cannot be reached or a migration fails
     */
    public synchronized void migrate() throws SQLException {
        if (!migrated) {
            Migrations.migrate(schema, dataSource, config.instance());
            migrated = true;
        }
    }

    /**
     * While the writer leaves the persistence unit closed to keep them out of the application's boot, the first read opens them
     * itself (see {@link BatchWriter}), so that a dashboard page asked for in that time finds its tables.
     *
     * @param deferred whether the writer has not opened the store yet and is waiting to
     */
    void openOnFirstRead(boolean deferred) {
        openOnFirstRead = deferred;
    }

    /**
     * @return this store itself rather than the container's proxy, for fmd's own classes, which call its
     *         package-private methods
     */
    public Store unproxied() {
        return this;
    }

    /** @return whether the tables are migrated and the persistence unit is open */
    public boolean isOpen() {
        return factory != null;
    }

    /** @return the configuration the store was made with */
    public FmdConfig config() {
        return config;
    }

    /** @return the datasource, or null before {@link #connect()} */
    DataSource dataSource() {
        return dataSource;
    }

    /** @return the table names */
    Schema schema() {
        return schema;
    }

    /**
     * Runs work in one resource-local transaction on a fresh entity manager; rolls back when it throws.
     *
     * @param work what to do
     * @param <T>  its result type
     * @return its result
     */
    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                try {
                    em.getTransaction().rollback();
                } catch (RuntimeException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /**
     * Runs a read on a fresh entity manager.
     *
     * @param query what to read
     * @param <T>   its result type
     * @return its result
     */
    <T> T read(Function<EntityManager, T> query) {
        EntityManager em = entityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    /** A read on a JDBC connection. */
    @FunctionalInterface
    interface RowsQuery<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs a read on a connection of the datasource, in plain JDBC (auto-commit, as the pool hands it out), for the
     * reads of thousands of rollup rows: JDBC hands their values over as asked ({@code getLong},
     * {@code getObject(i, LocalDateTime.class)}), where a native query of the entity manager converts every value
     * (each time through a {@link java.sql.Timestamp} and its calendar) into a record first.
     *
     * @param query what to read
     * @param <T>   its result type
     * @return its result
     * @throws IllegalStateException when the tables are not ready yet
     * @throws PersistenceException  when the database fails, as a read through the entity manager would
     */
    <T> T readRows(RowsQuery<T> query) {
        if (factory == null && !openForRead()) {
            throw new IllegalStateException("fmd's tables are not ready yet (database not reachable so far)");
        }
        try (Connection connection = dataSource.getConnection()) {
            return query.apply(connection);
        } catch (SQLException e) {
            throw new PersistenceException("reading fmd's rollups failed: " + e, e);
        }
    }

    private EntityManager entityManager() {
        openForRead();
        EntityManagerFactory open = factory;
        if (open == null) {
            throw new IllegalStateException("fmd's tables are not ready yet (database not reachable so far)");
        }
        return open.createEntityManager();
    }

    /** @return whether the store is open, after opening it when the writer waits to ({@link #openOnFirstRead}) */
    private boolean openForRead() {
        if (factory == null && openOnFirstRead && dataSource != null) {
            try {
                open();
            } catch (SQLException | RuntimeException e) {
                openOnFirstRead = false;
                throw new IllegalStateException("fmd's tables are not ready yet (" + e + ")", e);
            }
        }
        return factory != null;
    }

    /** Closes the persistence unit; called by the writer once it has written what it could. */
    void close() {
        EntityManagerFactory open = factory;
        factory = null;
        if (open != null && open.isOpen()) {
            open.close();
        }
    }

    private static PersistenceProvider provider() {
        List<PersistenceProvider> providers = PersistenceProviderResolverHolder.getPersistenceProviderResolver()
                .getPersistenceProviders();
        return providers.stream().filter(p -> p.getClass().getName().startsWith("org.eclipse.persistence"))
                .findFirst().or(() -> providers.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no JPA provider on the server (" + Persistence.class
                        + ")"));
    }
}
