package dev.fmd.query;

import java.io.IOException;

/**
 * Streams the rows of a time window out of fmd's database, for exports: one query, read with a fetch size (on
 * PostgreSQL in a read-only transaction, on MySQL and MariaDB as a streaming result), so rows are handed to the
 * sink as the database sends them and never held together.
 * <pre>
 * &#64;Inject ExportQueries exports;
 * long written = exports.export(ExportKind.REQUESTS, TimeWindow.last(Duration.ofDays(1), Instant.now()), sink);
 * </pre>
 */
public interface ExportQueries {

    /**
     * @param kind   requests, hourly aggregates or outliers
     * @param window the time window: requests and outliers started in it (of its instance, if any); for
     *               aggregates, the hours it touches
     * @param sink   takes each row
     * @return how many rows the sink took
     * @throws IOException           when the sink fails (the rest is not read)
     * @throws IllegalStateException when fmd's database is not ready
     */
    long export(ExportKind kind, TimeWindow window, ExportSink sink) throws IOException;
}
