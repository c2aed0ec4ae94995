package dev.fmd.query;

import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.StackLine;

import java.util.List;

/**
 * The profiler pages' reads: the profiled requests of an endpoint, one request's call tree, and the grouped profile
 * of an endpoint's last requests.
 * <pre>
 * List&lt;GroupedLine&gt; lines = queries.grouped(endpointId, 100);   // merged tree of the last 100 profiled requests
 * </pre>
 */
public interface ProfileQueries {

    /**
     * @param endpointId the endpoint
     * @param page       0 for the newest
     * @param size       requests per page
     * @return its profiled requests, newest first
     */
    List<ProfiledRequest> profiledRequests(long endpointId, int page, int size);

    /**
     * @param requestId a request
     * @return its call tree in pre-order, or an empty list when it was not profiled
     */
    List<StackLine> tree(long requestId);

    /**
     * @param endpointId the endpoint
     * @param requests   how many of its last profiled requests to merge (the dashboard's default is 100)
     * @return their call trees merged by call path, in pre-order
     */
    List<GroupedLine> grouped(long endpointId, int requests);
}
