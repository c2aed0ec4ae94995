package dev.fmd.store;

import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The read side of outliers, for the dashboard's outlier page: the outliers of an endpoint with their context.
 */
public final class OutlierQueries {

    private final Store store;

    OutlierQueries(Store store) {
        this.store = store;
    }

    /**
     * @param endpointId the endpoint
     * @param page       0 for the newest
     * @param size       outliers per page
     * @return its outliers, newest first, with their stored context
     */
    public List<OutlierDetails> outliers(long endpointId, int page, int size) {
        EntityManager em = store.entityManager();
        try {
            return em.createQuery("SELECT o FROM FmdOutlier o WHERE o.endpointId = :e ORDER BY o.id DESC",
                            OutlierEntity.class)
                    .setParameter("e", endpointId).setFirstResult(page * size).setMaxResults(size).getResultList()
                    .stream().map(OutlierEntity::details).toList();
        } finally {
            em.close();
        }
    }
}
