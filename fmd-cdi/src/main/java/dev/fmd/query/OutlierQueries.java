package dev.fmd.query;

import java.util.List;
import java.util.Optional;

/**
 * The outlier pages' reads: the outliers of an endpoint or of the whole app, and one outlier with its (already
 * redacted) context.
 * <pre>
 * &#64;Inject OutlierQueries outliers;
 * OutlierPage all = outliers.outliers(null, window, null, 50);          // the app's newest 50 outliers
 * OutlierPage mine = outliers.outliers(endpointId, window, null, 50);   // one endpoint's
 * outliers.outlier(all.outliers().get(0).id()).ifPresent(this::show);
 * </pre>
 * Every method throws {@link IllegalStateException} when fmd's database is not ready.
 */
public interface OutlierQueries {

    /**
     * @param endpointId the endpoint, or null for every endpoint
     * @param window     only the outliers in this window (and of its instance), or null for every outlier
     * @param before     the page starts with the outliers older than this (by request start time, then request
     *                   id); null for the newest
     * @param size       outliers per page, at least 1
     * @return a page of outliers, newest first
     */
    OutlierPage outliers(Long endpointId, TimeWindow window, RequestCursor before, int size);

    /**
     * @param endpointId the endpoint, or null for every endpoint
     * @param window     the time window (and instance)
     * @param count      how many at most
     * @return the slowest outliers of the window, slowest first
     */
    List<OutlierSummary> slowestOutliers(Long endpointId, TimeWindow window, int count);

    /**
     * @param id an outlier's id
     * @return the outlier with its context, or empty when there is no such outlier (any more)
     */
    Optional<OutlierDetails> outlier(long id);
}
