package dev.fmd.query;

import java.time.Instant;

/**
 * An outlier as a list shows it.
 *
 * @param id            the outlier's id
 * @param requestId     its request's id
 * @param endpointId    its endpoint
 * @param endpointName  its endpoint's name ({@code ResourceClass.method}, as in {@code <prefix>endpoint}), e.g.
 *                      {@code OrderResource.get}
 * @param timeRequested when the request started
 * @param durationMs    how long it took, in ms
 * @param averageMs     the endpoint's running average when the request started (what it was compared with), in
 *                      ms, or NaN when not known (outliers stored before fmd kept it)
 * @param status        the HTTP status the client got
 * @param profiled      whether the request's call tree was stored too
 */
public record OutlierSummary(long id, long requestId, long endpointId, String endpointName, Instant timeRequested,
                             double durationMs, double averageMs, int status, boolean profiled) {

    /** @return how many times the endpoint's average the request took, or NaN when the average is not known */
    public double timesAverage() {
        return averageMs > 0 ? durationMs / averageMs : Double.NaN;
    }
}
