package dev.fmd.store;

import dev.fmd.profiler.CodeLine;
import dev.fmd.query.ProfileQueries;
import dev.fmd.query.ProfiledRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/** {@link ProfileQueries} from {@code <prefix>stack_line} and {@code <prefix>code_line}. */
@ApplicationScoped
public class JpaProfileQueries implements ProfileQueries {

    private Store store;

    /** For the container's proxy. */
    protected JpaProfileQueries() {
    }

    @Inject
    public JpaProfileQueries(Store store) {
        this.store = store.unproxied();
    }

    @Override
    public List<ProfiledRequest> profiledRequests(long endpointId, int page, int size) {
        return read(em -> em.createQuery("SELECT r FROM FmdRequest r WHERE r.endpointId = :e AND r.id IN "
                        + "(SELECT s.requestId FROM FmdStackLine s WHERE s.position = 0) ORDER BY r.id DESC",
                        RequestEntity.class)
                .setParameter("e", endpointId).setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(r -> new ProfiledRequest(r.id(), r.timeRequested().toInstant(ZoneOffset.UTC),
                        r.duration().doubleValue())).toList());
    }

    @Override
    public List<StackLine> tree(long requestId) {
        return read(em -> trees(em, List.of(requestId)).getOrDefault(requestId, List.of()));
    }

    @Override
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
        for (Object[] row : em.createQuery("SELECT s.requestId, s.position, s.indent, s.duration, c.className, "
                        + "c.methodName, c.fileName, c.lineNumber FROM FmdStackLine s, FmdCodeLine c "
                        + "WHERE c.id = s.codeLineId AND s.requestId IN :ids ORDER BY s.requestId, s.position",
                        Object[].class)
                .setParameter("ids", requestIds).getResultList()) {
            // values rather than entities: a grouped profile reads thousands of lines, which need no managing
            trees.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(new StackLine(
                    ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), new CodeLine((String) row[4],
                    (String) row[5], (String) row[6], ((Number) row[7]).intValue()),
                    ((java.math.BigDecimal) row[3]).doubleValue()));
        }
        return trees;
    }

    private <T> T read(Function<EntityManager, T> query) {
        return store.read(query);
    }
}
