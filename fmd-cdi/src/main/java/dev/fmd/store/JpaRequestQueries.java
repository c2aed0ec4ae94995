package dev.fmd.store;

import dev.fmd.query.RequestCursor;
import dev.fmd.query.RequestPage;
import dev.fmd.query.RequestQueries;
import dev.fmd.query.RequestRow;
import dev.fmd.query.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@link RequestQueries} from {@code <prefix>request}: one query per page on the index
 * {@code (endpoint_id, time_requested)}, keyset-paginated ({@code time < t OR (time = t AND id < i)}, newest first),
 * so a page deep in ten million rows costs what the first does.
 */
@ApplicationScoped
public class JpaRequestQueries implements RequestQueries {

    private Store store;

    /** For the container's proxy. */
    protected JpaRequestQueries() {
    }

    @Inject
    public JpaRequestQueries(Store store) {
        this.store = store.unproxied();
    }

    @Override
    public RequestPage requests(long endpointId, TimeWindow window, RequestCursor before, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one request, not " + size);
        }
        return store.read(em -> {
            TypedQuery<RequestEntity> query = em.createQuery("SELECT r FROM FmdRequest r WHERE r.endpointId = :e"
                    + (before == null ? "" : " AND r.timeRequested <= :t AND (r.timeRequested < :t OR r.id < :id)")
                    + (window == null ? "" : " AND r.timeRequested >= :from AND r.timeRequested < :to")
                    + (window == null || window.instance() == null ? "" : " AND r.instance = :instance")
                    + " ORDER BY r.timeRequested DESC, r.id DESC", RequestEntity.class)
                    .setParameter("e", endpointId);
            if (window != null) {
                query.setParameter("from", LocalDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                        .setParameter("to", LocalDateTime.ofInstant(window.to(), ZoneOffset.UTC));
                if (window.instance() != null) {
                    query.setParameter("instance", window.instance());
                }
            }
            if (before != null) {
                query.setParameter("t", LocalDateTime.ofInstant(before.time(), ZoneOffset.UTC))
                        .setParameter("id", before.id());
            }
            List<RequestEntity> rows = query.setMaxResults(size + 1).getResultList();
            List<RequestRow> page = rows.stream().limit(size).map(RequestEntity::row).toList();
            return new RequestPage(page, rows.size() > size ? RequestCursor.after(page.get(size - 1)) : null);
        });
    }
}
