package dev.fmd.query;

import java.util.List;

/** The outlier pages' reads: the outliers of an endpoint with their (already redacted) context. */
public interface OutlierQueries {

    /**
     * @param endpointId the endpoint
     * @param page       0 for the newest
     * @param size       outliers per page
     * @return its outliers, newest first
     */
    List<OutlierDetails> outliers(long endpointId, int page, int size);
}
