package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Problems;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Deletes what fmd no longer keeps: requests, their stack lines and outliers older than {@code fmd.retention-days},
 * rollups older than {@code fmd.rollup-retention-days} (see {@link RetentionPass} for what goes, in which order).
 * <p>
 * It has no thread of its own: the {@link BatchWriter} calls {@link #round()} in each of its rounds while the
 * database answers. Contract of {@code round()}:
 * <ul>
 * <li>It returns at once unless a pass is due or under way: the first pass {@link Pace#firstPass} after the first
 *     round, then one every {@link Pace#interval}.</li>
 * <li>A pass runs only under the {@code "retention"} {@link Lease}, so among instances sharing the database one at a
 *     time prunes; an instance that finds the lease taken skips its turn. The lease is renewed while a pass lasts
 *     and released when it is complete.</li>
 * <li>A round runs slices of the pass, one transaction of at most {@link Pace#rows} deleted rows each, until
 *     {@link Pace#budget} has passed: it holds the writer for the budget plus one slice at most. Progress stays in
 *     memory; after working for a time t, retention rests {@link Pace#rest} times t before the next slice, so that
 *     a long pass (the first one over a large backlog) leaves most of the writer's time to the measurements.</li>
 * <li>It never throws. A database that does not answer ({@link Failure.Kind#TRANSIENT}) is handed to the writer's
 *     own handling and retried a minute later; any other failure is reported to {@link Problems} and retried at the
 *     next interval. Either way the pass is dropped: every step is a condition on the rows, so the next pass takes
 *     over where it stopped.</li>
 * <li>A completed pass logs one INFO line with the rows deleted per table.</li>
 * </ul>
 */
final class Retention {

    /** Rows one transaction deletes at most, whatever the pace. */
    static final int MAX_ROWS = 10_000;

    private static final Logger LOG = Logger.getLogger("dev.fmd");
    private static final long RETRY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /**
     * How retention paces itself.
     *
     * @param rows      rows one transaction deletes at most (1 to {@value #MAX_ROWS})
     * @param firstPass from the first round to the first pass
     * @param interval  from the start of one pass to the start of the next
     * @param budget    how long a round keeps starting slices
     * @param rest      after working for a time, retention rests this many times as long (0: never)
     * @param lease     how long the lease lasts unless renewed (a third of it passes between renewals)
     */
    record Pace(int rows, Duration firstPass, Duration interval, Duration budget, int rest, Duration lease) {

        /**
         * 10,000 rows a transaction, first pass 30 s after start, then hourly, 0.5 s a round at most and a quarter of
         * the writer's time at most, 5 min lease.
         */
        static final Pace DEFAULT = new Pace(MAX_ROWS, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMillis(500), 3, Duration.ofMinutes(5));

        Pace {
            if (rows < 1 || rows > MAX_ROWS) {
                throw new IllegalArgumentException("rows per transaction: 1 to " + MAX_ROWS + ", not " + rows);
            }
            if (rest < 0) {
                throw new IllegalArgumentException("rest: 0 or more, not " + rest);
            }
        }
    }

    private final Store store;
    private final Problems problems;
    private final Consumer<Failure> unreachable;
    private final Pace pace;
    private final Clock clock;
    private final Lease lease;
    private RetentionPass pass;
    private boolean scheduled;
    private long nextPass;
    private long restUntil;
    private long passStarted;
    private long leaseTaken;
    private long busyNanos;
    private volatile RetentionPass.Summary last;

    /**
     * @param store       the tables, their datasource and the retention settings
     * @param problems    where failures other than an unreachable database go
     * @param unreachable told when the database does not answer (the writer's own outage handling)
     */
    Retention(Store store, Problems problems, Consumer<Failure> unreachable) {
        this(store, problems, unreachable, Pace.DEFAULT, Clock.systemUTC());
    }

    /** As {@link #Retention(Store, Problems, Consumer)}, at another pace and with the cutoffs taken from a clock. */
    Retention(Store store, Problems problems, Consumer<Failure> unreachable, Pace pace, Clock clock) {
        this.store = store;
        this.problems = problems;
        this.unreachable = unreachable;
        this.pace = pace;
        this.clock = clock;
        this.lease = new Lease(store.schema(), "retention", store.config().instance() + "/" + UUID.randomUUID());
    }

    /** Runs what is due of retention for at most about {@link Pace#budget}; never throws. */
    void round() {
        long start = System.nanoTime();
        if (!scheduled) {
            scheduled = true;
            nextPass = start + pace.firstPass().toNanos();
        }
        if (pass == null ? start - nextPass < 0 : start - restUntil < 0) {
            return;
        }
        DataSource dataSource = store.dataSource();
        try {
            if (!holdLease(dataSource, start)) {
                return;
            }
            if (slices(dataSource, start)) {
                complete(dataSource);
            }
        } catch (SQLException | RuntimeException e) {
            failed(e, dataSource, start);
        }
    }

    /** @return the last completed pass, if any */
    Optional<RetentionPass.Summary> lastPass() {
        return Optional.ofNullable(last);
    }

    /** Takes the lease for a new pass, or renews it for the pass under way; drops the pass when it is lost. */
    private boolean holdLease(DataSource dataSource, long now) throws SQLException {
        if (pass == null) {
            nextPass = now + pace.interval().toNanos();
            if (!lease.tryTake(dataSource, pace.lease().toMillis())) {
                return false;
            }
            leaseTaken = now;
            passStarted = now;
            busyNanos = 0;
            LocalDateTime utc = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            pass = new RetentionPass(store.schema(), pace.rows(), utc, store.config().retentionDays(),
                    store.config().rollupRetentionDays());
            return true;
        }
        if (now - leaseTaken >= pace.lease().toNanos() / 3) {
            if (!lease.tryTake(dataSource, pace.lease().toMillis())) {
                pass = null;
                return false;
            }
            leaseTaken = now;
        }
        return true;
    }

    /** @return whether the pass is complete; runs slices, one transaction each, until the budget is spent */
    private boolean slices(DataSource dataSource, long start) throws SQLException {
        long budget = pace.budget().toNanos();
        boolean complete;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                do {
                    complete = pass.slice(connection);
                    connection.commit();
                } while (!complete && System.nanoTime() - start < budget);
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            long end = System.nanoTime();
            busyNanos += end - start;
            restUntil = end + (end - start) * pace.rest();
        }
        return complete;
    }

    private void complete(DataSource dataSource) throws SQLException {
        RetentionPass.Summary summary = pass.summary();
        pass = null;
        last = summary;
        LOG.info("fmd: retention pass over the tables with prefix '" + store.schema().prefix() + "' done in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - passStarted)
                + " ms (" + TimeUnit.NANOSECONDS.toMillis(busyNanos) + " ms on the writer thread, "
                + summary.transactions() + " transactions of at most " + pace.rows() + " rows); deleted "
                + summary.deleted().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + "; raw data before " + summary.cutoff() + " UTC ("
                + FmdConfig.RETENTION_DAYS + "=" + store.config().retentionDays() + "), rollups of buckets before "
                + summary.rollupCutoff() + " UTC (" + FmdConfig.ROLLUP_RETENTION_DAYS + "="
                + store.config().rollupRetentionDays() + ")");
        lease.release(dataSource);
    }

    private void failed(Exception e, DataSource dataSource, long start) {
        pass = null;
        Failure failure = Failure.of(e, dataSource);
        if (failure.kind() == Failure.Kind.TRANSIENT) {
            nextPass = start + Math.min(RETRY_NANOS, pace.interval().toNanos());
            unreachable.accept(failure);
            return;
        }
        problems.report("deleting data older than fmd.retention-days (retention)", e);
        try {
            lease.release(dataSource);
        } catch (SQLException | RuntimeException releaseFailed) {
            // the lease expires by itself
        }
    }
}
