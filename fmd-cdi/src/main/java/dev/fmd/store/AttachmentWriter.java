package dev.fmd.store;

import dev.fmd.monitor.RequestAttachment;

import java.sql.SQLException;
import java.util.List;

/**
 * The writer part of one kind of {@link RequestAttachment} (a call tree, an outlier's context, ...): the
 * {@link BatchWriter} hands it the attachments of its kind whose request rows are written, inside a transaction.
 * Each feature brings its own part, so the writer itself knows none of them.
 */
interface AttachmentWriter {

    /** @return whether this part stores the attachment */
    boolean accepts(RequestAttachment attachment);

    /**
     * Stores attachments in the transaction of {@code tx}.
     *
     * @param tx          the open transaction
     * @param attachments accepted attachments whose requests have their row id
     */
    void write(Transaction tx, List<RequestAttachment> attachments) throws SQLException;
}
