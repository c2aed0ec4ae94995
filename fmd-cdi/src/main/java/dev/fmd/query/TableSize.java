package dev.fmd.query;

/**
 * How big one of fmd's tables is.
 *
 * @param table     its name, prefix included
 * @param rows      its rows (an estimate of the database's statistics when {@code estimated}), or -1 when unknown
 * @param bytes     its size on disk with its indexes, or -1 when the database does not say
 * @param estimated true when {@code rows} comes from the catalog's statistics rather than a count
 */
public record TableSize(String table, long rows, long bytes, boolean estimated) {
}
