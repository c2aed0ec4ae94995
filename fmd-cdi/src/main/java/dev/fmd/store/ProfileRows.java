package dev.fmd.store;

import dev.fmd.monitor.RequestAttachment;
import dev.fmd.profiler.CodeLine;
import dev.fmd.profiler.ProfileRecord;
import dev.fmd.profiler.StackLine;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writer part of the profiler: a request's call tree as rows of {@code <prefix>stack_line} (one JDBC batch),
 * each pointing at its line in {@code <prefix>code_line}, which is stored once however many trees contain it. Code
 * line ids are remembered, so a known tree costs one insert per node.
 */
@Dependent
public class ProfileRows implements AttachmentWriter {

    private static final int MAX_CACHED_CODE_LINES = 50_000;

    private final Map<CodeLine, Long> codeLineIds = new ConcurrentHashMap<>();

    @Override
    public boolean accepts(RequestAttachment attachment) {
        return attachment instanceof ProfileRecord;
    }

    @Override
    public void write(Transaction tx, List<RequestAttachment> attachments) throws SQLException {
        Map<CodeLine, Long> created = new HashMap<>();
        try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO "
                + tx.schema().name("stack_line") + " (request_id, position, indent, code_line_id, duration) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            for (RequestAttachment attachment : attachments) {
                long requestId = attachment.request().id();
                for (StackLine line : ((ProfileRecord) attachment).lines()) {
                    insert.setLong(1, requestId);
                    insert.setInt(2, line.position());
                    insert.setInt(3, line.indent());
                    insert.setLong(4, codeLineId(tx.em(), line.codeLine(), created));
                    insert.setBigDecimal(5, RequestRows.milliseconds(line.durationMs()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        if (codeLineIds.size() > MAX_CACHED_CODE_LINES) {
            codeLineIds.clear();
        }
        tx.afterCommit(() -> codeLineIds.putAll(created));
    }

    private long codeLineId(EntityManager em, CodeLine line, Map<CodeLine, Long> created) {
        CodeLine key = new CodeLine(RequestRows.cut(line.className(), 250), RequestRows.cut(line.methodName(), 120),
                RequestRows.cut(line.fileName(), 120), line.lineNumber());
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
            em.flush();
        }
        created.put(key, row.id());
        return row.id();
    }
}
