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
        return store.read(query);
    }
}
