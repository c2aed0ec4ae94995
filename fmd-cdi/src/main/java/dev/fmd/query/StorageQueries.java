package dev.fmd.query;

import java.util.List;

/**
 * The size of fmd's tables, for the configuration page, read cheaply so that the page stays fast at ten million
 * requests: on PostgreSQL from its statistics ({@code pg_stat_user_tables.n_live_tup},
 * {@code pg_total_relation_size}), on MySQL and MariaDB from {@code information_schema.tables} (InnoDB's estimate),
 * elsewhere (H2) by counting.
 * <pre>
 * &#64;Inject StorageQueries storage;
 * storage.tableSizes();   // [TableSize[table=fmd_request, rows=10000312, bytes=2147483648, estimated=true], ...]
 * </pre>
 */
public interface StorageQueries {

    /**
     * @return every table of fmd's, largest first by rows
     * @throws IllegalStateException when fmd's database is not ready
     */
    List<TableSize> tableSizes();
}
