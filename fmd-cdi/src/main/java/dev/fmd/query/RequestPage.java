package dev.fmd.query;

import java.util.List;

/**
 * A page of an endpoint's requests, newest first.
 * <pre>
 * for (RequestPage page = requests.requests(id, null, 100); ; page = requests.requests(id, page.next(), 100)) {
 *     show(page.requests());
 *     if (page.next() == null) break;
 * }
 * </pre>
 *
 * @param requests the requests, newest first (by start time, then id)
 * @param next     the cursor of the next (older) page, or null when this is the last one
 */
public record RequestPage(List<RequestRow> requests, RequestCursor next) {
}
