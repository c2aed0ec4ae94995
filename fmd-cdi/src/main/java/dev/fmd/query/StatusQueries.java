package dev.fmd.query;

/**
 * fmd's own state, for the dashboard header:
 * <pre>
 * &#64;Inject StatusQueries queries;
 * DashboardStatus status = queries.status();   // status.database() == DatabaseState.UNREACHABLE, ...
 * </pre>
 */
public interface StatusQueries {

    /** @return the state of this instance's fmd now; never throws, also when the database does not answer */
    DashboardStatus status();
}
