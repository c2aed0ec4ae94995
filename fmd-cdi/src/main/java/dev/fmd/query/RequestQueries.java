package dev.fmd.query;

/**
 * The single requests of an endpoint, newest first, from the raw request table: the only dashboard read of raw
 * requests. One query per page, on the index (endpoint, time), with keyset pagination.
 * <pre>
 * &#64;Inject RequestQueries requests;
 * RequestPage page = requests.requests(endpointId, null, 50);                // the newest 50
 * RequestPage older = requests.requests(endpointId, page.next(), 50);        // the 50 before them
 * </pre>
 */
public interface RequestQueries {

    /**
     * @param endpointId the endpoint
     * @param before     the page starts with the requests older than this (by start time, then id); null for the
     *                   newest
     * @param size       requests per page, at least 1
     * @return the page
     * @throws IllegalArgumentException when size is below 1
     * @throws IllegalStateException    when fmd's database is not ready
     */
    default RequestPage requests(long endpointId, RequestCursor before, int size) {
        return requests(endpointId, null, before, size);
    }

    /**
     * @param endpointId the endpoint
     * @param window     only the requests in this window (and of its instance), or null for every request
     * @param before     the page starts with the requests older than this (by start time, then id); null for the
     *                   newest in the window
     * @param size       requests per page, at least 1
     * @return the page
     * @throws IllegalArgumentException when size is below 1
     * @throws IllegalStateException    when fmd's database is not ready
     */
    RequestPage requests(long endpointId, TimeWindow window, RequestCursor before, int size);
}
