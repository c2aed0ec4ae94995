package dev.fmd.store;

import dev.fmd.query.OutlierDetails;
import dev.fmd.query.OutlierQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** {@link OutlierQueries} from {@code <prefix>outlier}. */
@ApplicationScoped
public class JpaOutlierQueries implements OutlierQueries {

    private Store store;

    /** For the container's proxy. */
    protected JpaOutlierQueries() {
    }

    @Inject
    public JpaOutlierQueries(Store store) {
        this.store = store.unproxied();
    }

    @Override
    public List<OutlierDetails> outliers(long endpointId, int page, int size) {
        return store.read(em -> em.createQuery(
                        "SELECT o FROM FmdOutlier o WHERE o.endpointId = :e ORDER BY o.id DESC", OutlierEntity.class)
                .setParameter("e", endpointId).setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(OutlierEntity::details).toList());
    }
}
