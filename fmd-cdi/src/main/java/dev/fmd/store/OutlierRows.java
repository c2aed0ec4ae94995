package dev.fmd.store;

import dev.fmd.monitor.RequestAttachment;
import dev.fmd.outlier.OutlierRecord;
import jakarta.enterprise.context.Dependent;

import java.util.List;

/** The writer part of outliers: one row of {@code <prefix>outlier} per outlier, with its redacted context. */
@Dependent
public class OutlierRows implements AttachmentWriter {

    @Override
    public boolean accepts(RequestAttachment attachment) {
        return attachment instanceof OutlierRecord;
    }

    @Override
    public void write(Transaction tx, List<RequestAttachment> attachments) {
        for (RequestAttachment attachment : attachments) {
            tx.em().persist(new OutlierEntity(attachment.request().id(), attachment.request().endpoint().id(),
                    RequestRows.utc(attachment.request().epochMillis()), (OutlierRecord) attachment));
        }
    }
}
