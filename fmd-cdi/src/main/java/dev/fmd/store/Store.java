package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestHandle;
import dev.fmd.monitor.RequestRecord;
import dev.fmd.outlier.OutlierRecord;
import dev.fmd.profiler.CodeLine;
import dev.fmd.profiler.ProfileRecord;
import dev.fmd.profiler.StackLine;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * fmd's tables, reached through JPA on fmd's own persistence unit. Used by one writer thread for writes and by the
 * dashboard's query services for reads; never by a request thread.
 */
public final class Store implements AutoCloseable {

    private final FmdConfig config;
    private final DataSource dataSource;
    private static final int MAX_CACHED_CODE_LINES = 50_000;

    private final Schema schema;
    private final RequestRows requestRows;
    private final Map<CodeLine, Long> codeLineIds = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile EntityManagerFactory factory;

    /**
     * @param config     the configuration (table prefix, version, instance)
     * @param dataSource where the tables live
     */
    public Store(FmdConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.schema = new Schema(config.tablePrefix());
        this.requestRows = new RequestRows(schema);
    }

    /**
     * Creates missing tables and opens the persistence unit. Called by the writer until it succeeds.
     *
     * @throws SQLException when the database cannot be reached or the tables cannot be created
     */
    void open() throws SQLException {
        if (factory != null) {
            return;
        }
        schema.create(dataSource);
        Properties properties = new Properties();
        properties.put("eclipselink.session-name",
                TablePrefixCustomizer.sessionName(config.tablePrefix(), UUID.randomUUID().toString()));
        properties.put("eclipselink.session.customizer", TablePrefixCustomizer.class.getName());
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        properties.put("eclipselink.jdbc.batch-writing.size", String.valueOf(Math.min(config.batchSize(), 1000)));
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.deploy-on-startup", "true");
        FmdPersistenceUnit unit = new FmdPersistenceUnit("fmd", dataSource, properties);
        factory = provider().createContainerEntityManagerFactory(unit, new HashMap<>());
    }

    /** @return whether the tables exist and the persistence unit is open */
    public boolean isOpen() {
        return factory != null;
    }

    /**
     * Writes the rows of endpoints that have none yet, or reads their id and level when another instance (or an
     * earlier run) wrote them.
     */
    void saveEndpoints(List<Endpoint> endpoints) {
        LocalDateTime now = utc(System.currentTimeMillis());
        inTransaction(em -> {
            for (Endpoint endpoint : endpoints) {
                EndpointEntity row = findEndpoint(em, endpoint);
                if (row == null) {
                    row = new EndpointEntity(endpoint.name(), endpoint.httpMethod(), endpoint.path(),
                            endpoint.level(), now, config.appVersion());
                    em.persist(row);
                    em.flush();
                } else {
                    endpoint.level(row.monitorLevel());
                }
                endpoint.id(row.id());
            }
            return null;
        });
    }

    /**
     * Writes one batch of finished requests, their rollups and their endpoints' last-requested times; once committed,
     * gives each request's handle its row id.
     */
    void write(List<RequestRecord> batch) {
        Map<Long, LocalDateTime> lastRequested = new HashMap<>();
        Map<RollupKey, RollupDelta> rollups = new HashMap<>();
        List<RequestRows.Row> rows = new ArrayList<>(batch.size());
        List<RequestHandle> handles = new ArrayList<>(batch.size());
        String instance = cut(config.instance(), 100);
        long[] ids = inTransaction(em -> {
            for (RequestRecord record : batch) {
                long endpointId = record.endpoint().id();
                LocalDateTime time = utc(record.epochMillis());
                lastRequested.merge(endpointId, time, (a, b) -> a.isAfter(b) ? a : b);
                if (!record.measured()) {
                    continue;
                }
                double ms = record.durationNanos() / 1_000_000.0;
                String version = cut(record.version(), 100);
                rows.add(new RequestRows.Row(endpointId, milliseconds(ms), time, version, cut(record.groupBy(), 255),
                        cut(record.ip(), 45), record.status(), cut(record.exception(), 255), instance));
                handles.add(record.handle());
                rollups.computeIfAbsent(new RollupKey(endpointId, time.truncatedTo(ChronoUnit.HOURS), version),
                        k -> new RollupDelta()).add(ms, record.status() >= 500);
            }
            long[] inserted = requestRows.insert(em, rows);
            for (Map.Entry<RollupKey, RollupDelta> entry : rollups.entrySet()) {
                RollupKey key = entry.getKey();
                List<RollupEntity> found = em.createQuery("SELECT r FROM FmdRollup r WHERE r.endpointId = :e "
                                + "AND r.hour = :h AND r.version = :v AND r.instance = :i", RollupEntity.class)
                        .setParameter("e", key.endpointId()).setParameter("h", key.hour())
                        .setParameter("v", key.version()).setParameter("i", instance)
                        .getResultList();
                RollupEntity rollup = found.isEmpty()
                        ? new RollupEntity(key.endpointId(), key.hour(), key.version(), instance)
                        : found.get(0);
                RollupDelta delta = entry.getValue();
                rollup.add(delta.hits, delta.errors, delta.totalMs, delta.histogram);
                if (found.isEmpty()) {
                    em.persist(rollup);
                }
            }
            for (Map.Entry<Long, LocalDateTime> entry : lastRequested.entrySet()) {
                em.createQuery("UPDATE FmdEndpoint e SET e.lastRequested = :t WHERE e.id = :id "
                                + "AND (e.lastRequested IS NULL OR e.lastRequested < :t)")
                        .setParameter("t", entry.getValue()).setParameter("id", entry.getKey()).executeUpdate();
            }
            return inserted;
        });
        for (int i = 0; i < ids.length; i++) {
            if (handles.get(i) != null) {
                handles.get(i).id(ids[i]);
            }
        }
    }

    /**
     * Writes profiles and outlier contexts whose requests are written, in one transaction. Code lines are looked up
     * once each and then remembered, so a tree costs one insert per node.
     *
     * @param attachments attachments whose request handles have an id
     */
    void writeAttachments(List<RequestAttachment> attachments) {
        Map<CodeLine, Long> created = new HashMap<>();
        inTransaction(em -> {
            for (RequestAttachment attachment : attachments) {
                long requestId = attachment.request().id();
                if (attachment instanceof ProfileRecord profile) {
                    for (StackLine line : profile.lines()) {
                        em.persist(new StackLineEntity(requestId, line.position(), line.indent(),
                                codeLineId(em, line.codeLine(), created), milliseconds(line.durationMs())));
                    }
                } else if (attachment instanceof OutlierRecord outlier) {
                    em.persist(new OutlierEntity(requestId, attachment.request().endpoint().id(),
                            utc(attachment.request().epochMillis()), outlier));
                }
            }
            return null;
        });
        if (codeLineIds.size() > MAX_CACHED_CODE_LINES) {
            codeLineIds.clear();
        }
        codeLineIds.putAll(created);
    }

    private long codeLineId(EntityManager em, CodeLine line, Map<CodeLine, Long> created) {
        CodeLine key = new CodeLine(cut(line.className(), 250), cut(line.methodName(), 120),
                cut(line.fileName(), 120), line.lineNumber());
        Long known = codeLineIds.get(key);
        if (known == null) {
            known = created.get(key);
        }
        if (known != null) {
            return known;
        }
        List<CodeLineEntity> found = em.createQuery("SELECT c FROM FmdCodeLine c WHERE c.className = :c "
                        + "AND c.methodName = :m AND c.fileName = :f AND c.lineNumber = :l", CodeLineEntity.class)
                .setParameter("c", key.className()).setParameter("m", key.methodName())
                .setParameter("f", key.fileName()).setParameter("l", key.lineNumber()).getResultList();
        CodeLineEntity row = found.isEmpty() ? null : found.get(0);
        if (row == null) {
            row = new CodeLineEntity(key.className(), key.methodName(), key.fileName(), key.lineNumber());
            em.persist(row);
        }
        created.put(key, row.id());
        return row.id();
    }

    /** Sets the level of one endpoint. */
    void level(long endpointId, int level) {
        inTransaction(em -> em.createQuery("UPDATE FmdEndpoint e SET e.monitorLevel = :l WHERE e.id = :id")
                .setParameter("l", level).setParameter("id", endpointId).executeUpdate());
    }

    /** @return every endpoint's id and level, as stored */
    Map<Long, Integer> levels() {
        EntityManager em = entityManager();
        try {
            Map<Long, Integer> levels = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT e.id, e.monitorLevel FROM FmdEndpoint e", Object[].class)
                    .getResultList()) {
                levels.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
            }
            return levels;
        } finally {
            em.close();
        }
    }

    static BigDecimal milliseconds(double ms) {
        return BigDecimal.valueOf(ms).setScale(4, RoundingMode.HALF_UP);
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
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** @return an entity manager for reading; the caller closes it */
    EntityManager entityManager() {
        EntityManagerFactory open = factory;
        if (open == null) {
            throw new IllegalStateException("fmd's tables are not ready yet (database not reachable so far)");
        }
        return open.createEntityManager();
    }

    /** @return the configuration the store was opened with */
    FmdConfig config() {
        return config;
    }

    @Override
    public void close() {
        EntityManagerFactory open = factory;
        factory = null;
        if (open != null && open.isOpen()) {
            open.close();
        }
    }

    static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static EndpointEntity findEndpoint(EntityManager em, Endpoint endpoint) {
        List<EndpointEntity> rows = em.createQuery("SELECT e FROM FmdEndpoint e WHERE e.name = :n "
                        + "AND e.httpMethod = :m AND e.path = :p", EndpointEntity.class)
                .setParameter("n", endpoint.name()).setParameter("m", endpoint.httpMethod())
                .setParameter("p", endpoint.path()).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static PersistenceProvider provider() {
        List<PersistenceProvider> providers = PersistenceProviderResolverHolder.getPersistenceProviderResolver()
                .getPersistenceProviders();
        return providers.stream().filter(p -> p.getClass().getName().startsWith("org.eclipse.persistence"))
                .findFirst().or(() -> providers.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no JPA provider on the server (" + Persistence.class
                        + ")"));
    }

    private record RollupKey(long endpointId, LocalDateTime hour, String version) {
    }

    private static final class RollupDelta {
        long hits;
        long errors;
        double totalMs;
        final DurationHistogram histogram = new DurationHistogram();

        void add(double ms, boolean error) {
            hits++;
            totalMs += ms;
            if (error) {
                errors++;
            }
            histogram.add(ms);
        }
    }
}
