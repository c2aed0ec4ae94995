package dev.fmd.store;

import dev.fmd.monitor.Endpoint;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write side of the endpoint aggregate: endpoint rows, their levels, and this instance's row in
 * {@code <prefix>instance}. Used by the writer thread and by level changes.
 */
final class EndpointRows {

    private final Store store;

    EndpointRows(Store store) {
        this.store = store;
    }

    /**
     * Writes the rows of endpoints that have none yet, or reads their id and level when another instance (or an
     * earlier run) wrote them.
     */
    void save(List<Endpoint> endpoints) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String version = store.config().appVersion();
        store.inTransaction(em -> {
            for (Endpoint endpoint : endpoints) {
                List<EndpointEntity> found = em.createQuery("SELECT e FROM FmdEndpoint e WHERE e.name = :n "
                                + "AND e.httpMethod = :m AND e.path = :p", EndpointEntity.class)
                        .setParameter("n", endpoint.name()).setParameter("m", endpoint.httpMethod())
                        .setParameter("p", endpoint.path()).getResultList();
                EndpointEntity row = found.isEmpty() ? null : found.get(0);
                if (row == null) {
                    row = new EndpointEntity(endpoint.name(), endpoint.httpMethod(), endpoint.path(),
                            endpoint.level(), now, version);
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

    /** Sets the level of one endpoint. */
    void level(long endpointId, int level) {
        store.inTransaction(em -> em.createQuery("UPDATE FmdEndpoint e SET e.monitorLevel = :l WHERE e.id = :id")
                .setParameter("l", level).setParameter("id", endpointId).executeUpdate());
    }

    /** @return every endpoint's id and level, as stored */
    Map<Long, Integer> levels() {
        return store.read(em -> {
            Map<Long, Integer> levels = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT e.id, e.monitorLevel FROM FmdEndpoint e", Object[].class)
                    .getResultList()) {
                levels.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
            }
            return levels;
        });
    }

    /** Records that this instance is alive, with the version it runs. */
    void heartbeat() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String name = RequestRows.cut(store.config().instance(), 100);
        String version = RequestRows.cut(store.config().appVersion(), 100);
        store.inTransaction(em -> {
            InstanceEntity row = em.find(InstanceEntity.class, name);
            if (row == null) {
                em.persist(new InstanceEntity(name, version, now));
            } else {
                row.seen(version, now);
            }
            return null;
        });
    }

}
