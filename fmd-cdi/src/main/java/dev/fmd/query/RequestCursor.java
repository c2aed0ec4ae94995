package dev.fmd.query;

import java.time.Instant;

/**
 * Where a page of an endpoint's requests starts: right after (older than) the request with this time and id. Pages
 * are read by key, not by offset, so that the thousandth page costs what the first does and rows written meanwhile
 * do not shift the pages.
 * <pre>
 * RequestPage first = requests.requests(endpointId, null, 50);
 * RequestPage second = requests.requests(endpointId, first.next(), 50);
 * </pre>
 *
 * @param time the start time of the last request of the previous page
 * @param id   its id
 */
public record RequestCursor(Instant time, long id) {

    /** @return the cursor of the requests older than this one */
    public static RequestCursor after(RequestRow row) {
        return new RequestCursor(row.timeRequested(), row.id());
    }
}
