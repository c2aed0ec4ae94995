package dev.fmd.store;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of the endpoint aggregate, for the dashboard: every query over endpoints and their rollups lives
 * here. Figures come from the hourly rollups, so a page costs the same at ten requests or ten million.
 */
public final class EndpointQueries {

    private static final int MEDIAN_DAYS = 7;

    private final Store store;

    EndpointQueries(Store store) {
        this.store = store;
    }

    /** @return whether the tables are ready to be read */
    public boolean isReady() {
        return store.isOpen();
    }

    /**
     * @param now the current time
     * @return every endpoint with its hits, hits today, 7-day median and last request, by name
     */
    public List<EndpointSummary> overview(Instant now) {
        LocalDateTime today = LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        LocalDateTime weekAgo = LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS)
                .minusDays(MEDIAN_DAYS);
        EntityManager em = store.entityManager();
        try {
            List<EndpointEntity> endpoints = em.createQuery(
                    "SELECT e FROM FmdEndpoint e ORDER BY e.name, e.httpMethod, e.path", EndpointEntity.class)
                    .getResultList();
            Map<Long, Long> hits = sums(em.createQuery(
                    "SELECT r.endpointId, SUM(r.hits) FROM FmdRollup r GROUP BY r.endpointId", Object[].class)
                    .getResultList());
            Map<Long, Long> hitsToday = sums(em.createQuery("SELECT r.endpointId, SUM(r.hits) FROM FmdRollup r "
                    + "WHERE r.hour >= :today GROUP BY r.endpointId", Object[].class)
                    .setParameter("today", today).getResultList());
            Map<Long, DurationHistogram> durations = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT r.endpointId, r.histogram FROM FmdRollup r "
                    + "WHERE r.hour >= :since", Object[].class).setParameter("since", weekAgo).getResultList()) {
                durations.computeIfAbsent((Long) row[0], id -> new DurationHistogram())
                        .merge(DurationHistogram.decode((String) row[1]));
            }
            List<EndpointSummary> summaries = new ArrayList<>(endpoints.size());
            for (EndpointEntity e : endpoints) {
                DurationHistogram histogram = durations.get(e.id());
                summaries.add(new EndpointSummary(e.id(), e.name(), e.httpMethod(), e.path(), e.monitorLevel(),
                        hits.getOrDefault(e.id(), 0L), hitsToday.getOrDefault(e.id(), 0L),
                        histogram == null ? Double.NaN : histogram.quantile(0.5),
                        e.lastRequested() == null ? null : e.lastRequested().toInstant(ZoneOffset.UTC)));
            }
            return summaries;
        } finally {
            em.close();
        }
    }

    private static Map<Long, Long> sums(List<Object[]> rows) {
        Map<Long, Long> sums = new HashMap<>();
        for (Object[] row : rows) {
            sums.put(((Number) row[0]).longValue(), row[1] == null ? 0L : ((Number) row[1]).longValue());
        }
        return sums;
    }
}
