package dev.fmd.query;

import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.StackLine;
import java.util.List;
import java.util.Optional;

/**
 * The profiler pages' reads: an endpoint's profiled requests (those whose call tree was stored, at level 3), one
 * request's call tree, and the grouped profile of an endpoint's profiled requests in a time window.
 * <pre>
 * &#64;Inject ProfileQueries profiles;
 * ProfiledPage page = profiles.profiledRequests(endpointId, window, null, 50);      // the newest 50 in the window
 * List&lt;StackLine&gt; tree = profiles.tree(page.requests().get(0).requestId());
 * List&lt;GroupedLine&gt; merged = profiles.grouped(endpointId, window, "1.4.0", 500);  // one version's merged tree
 * </pre>
 * Every method throws {@link IllegalStateException} when fmd's database is not ready.
 */
public interface ProfileQueries {

    /**
     * @param endpointId the endpoint
     * @param window     only the requests in this window (and of its instance), or null for every request
     * @param before     the page starts with the requests older than this (by start time, then id); null for the
     *                   newest
     * @param size       requests per page, at least 1
     * @return a page of its profiled requests, newest first
     */
    ProfiledPage profiledRequests(long endpointId, TimeWindow window, RequestCursor before, int size);

    /**
     * @param endpointId the endpoint
     * @param window     the time window (and instance)
     * @param count      how many at most
     * @return its slowest profiled requests in the window, slowest first
     */
    List<ProfiledRequest> slowestProfiled(long endpointId, TimeWindow window, int count);

    /**
     * @param requestId a request
     * @return the request when its call tree was stored, else empty
     */
    Optional<ProfiledRequest> profiledRequest(long requestId);

    /**
     * @param requestId a request
     * @return its call tree in pre-order (the endpoint method first), or an empty list when it was not profiled
     */
    List<StackLine> tree(long requestId);

    /**
     * @param endpointId the endpoint
     * @param window     the time window (and instance)
     * @param version    only the requests of this app version, or null for every version
     * @param requests   how many of the newest profiled requests of the window to merge at most
     * @return their call trees merged by call path, in pre-order (empty when none was profiled)
     */
    List<GroupedLine> grouped(long endpointId, TimeWindow window, String version, int requests);

    /**
     * @param endpointId the endpoint
     * @param window     the time window (and instance)
     * @return the app versions of its profiled requests in the window, newest first (by their last request)
     */
    List<ProfiledVersion> profiledVersions(long endpointId, TimeWindow window);
}
