package dev.fmd.query;

import java.util.List;

/**
 * A page of an endpoint's profiled requests, newest first.
 *
 * @param requests the requests, newest first (by start time, then id)
 * @param next     the cursor of the next (older) page, or null when this is the last one
 */
public record ProfiledPage(List<ProfiledRequest> requests, RequestCursor next) {
}
