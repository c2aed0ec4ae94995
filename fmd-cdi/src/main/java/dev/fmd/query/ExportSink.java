package dev.fmd.query;

import java.io.IOException;

/**
 * Takes the rows of an export one at a time, as they come from the database, and writes them on (a response, a
 * file), keeping none: so an export of millions of rows needs the memory of one.
 * <pre>
 * long rows = exports.export(ExportKind.REQUESTS, window, values -> csv.write(values));
 * </pre>
 */
@FunctionalInterface
public interface ExportSink {

    /**
     * @param values one row, in the order of {@link ExportKind#columns()}: {@link String}, {@link Long},
     *               {@link java.math.BigDecimal} (durations and other decimals, exact), {@link java.time.Instant}
     *               (UTC), or null; the array is reused for the next row
     * @throws IOException when it cannot be written on (the client went away): the export stops
     */
    void row(Object[] values) throws IOException;
}
