package dev.fmd.store;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Whether fmd's database answers, as the writer last found it, for the dashboard header and the metrics. Logs one
 * line when the database goes away and one when it comes back, with counts, however many times the writer retried
 * in between.
 */
final class DatabaseHealth {

    private static final Logger LOG = Logger.getLogger("dev.fmd");

    /** The database's state. */
    enum State {
        /** not reached yet since start */
        STARTING,
        /** answering */
        UP,
        /** not answering since {@link #since()} */
        DOWN
    }

    private volatile State state = State.STARTING;
    private volatile Instant since = Instant.now();
    private volatile String lastFailure;
    private long writtenWhenDown;
    private long droppedWhenDown;

    State state() {
        return state;
    }

    /** @return when the current state began */
    Instant since() {
        return since;
    }

    /** @return the last transient failure, for the dashboard, or null */
    String lastFailure() {
        return lastFailure;
    }

    /**
     * The database did not answer.
     *
     * @param failure what it said
     * @param written requests written so far
     * @param dropped requests dropped so far
     * @param queued  requests waiting now
     * @param capacity {@code fmd.queue-capacity}
     */
    void down(Failure failure, long written, long dropped, int queued, int capacity) {
        lastFailure = failure.summary();
        if (state == State.DOWN) {
            return;
        }
        boolean wasUp = state == State.UP;
        state = State.DOWN;
        since = Instant.now();
        writtenWhenDown = written;
        droppedWhenDown = dropped;
        LOG.warning("fmd: its database " + (wasUp ? "stopped answering" : "does not answer yet") + " ("
                + failure.summary() + "). The application is not affected; measurements stay queued in memory ("
                + queued + " now, at most " + capacity + ", beyond that they are dropped and counted) and are "
                + "written when it answers again.");
    }

    /**
     * The database answered.
     *
     * @param written requests written so far
     * @param dropped requests dropped so far
     */
    void up(long written, long dropped) {
        if (state == State.UP) {
            return;
        }
        State before = state;
        Instant downSince = since;
        state = State.UP;
        since = Instant.now();
        lastFailure = null;
        if (before == State.DOWN) {
            LOG.warning("fmd: its database answers again after " + (since.getEpochSecond()
                    - downSince.getEpochSecond()) + " s; " + (written - writtenWhenDown) + " measurements written "
                    + "since it went away, " + (dropped - droppedWhenDown) + " dropped while the queue was full.");
        }
    }
}
