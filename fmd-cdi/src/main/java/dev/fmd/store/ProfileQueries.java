package dev.fmd.store;

import dev.fmd.profiler.CodeLine;
import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.GroupedProfile;
import dev.fmd.profiler.StackLine;
import jakarta.persistence.EntityManager;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The read side of profiles, for the dashboard's profiler pages: the profiled requests of an endpoint, one request's
 * call tree, and the grouped profile of an endpoint's last requests.
 * <pre>
 * List&lt;GroupedLine&gt; lines = queries.grouped(endpointId, 100);   // merged tree of the last 100 profiled requests
 * </pre>
 */
public final class ProfileQueries {

    private final Store store;

    ProfileQueries(Store store) {
        this.store = store;
    }

    /**
     * @param endpointId the endpoint
     * @param page       0 for the newest
     * @param size       requests per page
     * @return its profiled requests, newest first
     */
    public List<ProfiledRequest> profiledRequests(long endpointId, int page, int size) {
        return read(em -> em.createQuery("SELECT r FROM FmdRequest r WHERE r.endpointId = :e AND r.id IN "
                        + "(SELECT s.requestId FROM FmdStackLine s WHERE s.position = 0) ORDER BY r.id DESC",
                        RequestEntity.class)
                .setParameter("e", endpointId).setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(r -> new ProfiledRequest(r.id(), r.timeRequested().toInstant(ZoneOffset.UTC),
                        r.duration().doubleValue())).toList());
    }

    /**
     * @param requestId a request
     * @return its call tree in pre-order, or an empty list when it was not profiled
     */
    public List<StackLine> tree(long requestId) {
        return read(em -> trees(em, List.of(requestId)).getOrDefault(requestId, List.of()));
    }

    /**
     * @param endpointId the endpoint
     * @param requests   how many of its last profiled requests to merge (the dashboard's default is 100)
     * @return their call trees merged by call path, in pre-order
     */
    public List<GroupedLine> grouped(long endpointId, int requests) {
        return read(em -> {
            List<Long> ids = em.createQuery("SELECT s.requestId FROM FmdStackLine s, FmdRequest r "
                            + "WHERE r.id = s.requestId AND r.endpointId = :e AND s.position = 0 "
                            + "ORDER BY s.requestId DESC", Long.class)
                    .setParameter("e", endpointId).setMaxResults(requests).getResultList();
            return GroupedProfile.merge(new ArrayList<>(trees(em, ids).values()));
        });
    }

    private static Map<Long, List<StackLine>> trees(EntityManager em, List<Long> requestIds) {
        Map<Long, List<StackLine>> trees = new LinkedHashMap<>();
        if (requestIds.isEmpty()) {
            return trees;
        }
        for (Object[] row : em.createQuery("SELECT s, c FROM FmdStackLine s, FmdCodeLine c "
                        + "WHERE c.id = s.codeLineId AND s.requestId IN :ids ORDER BY s.requestId, s.position",
                        Object[].class)
                .setParameter("ids", requestIds).getResultList()) {
            StackLineEntity s = (StackLineEntity) row[0];
            CodeLineEntity c = (CodeLineEntity) row[1];
            trees.computeIfAbsent(s.requestId(), id -> new ArrayList<>()).add(new StackLine(s.position(),
                    s.indent(), new CodeLine(c.className(), c.methodName(), c.fileName(), c.lineNumber()),
                    s.duration().doubleValue()));
        }
        return trees;
    }

    private <T> T read(Function<EntityManager, T> query) {
        EntityManager em = store.entityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }
}
