package dev.fmd.store;

import jakarta.persistence.EntityManager;

import java.util.Comparator;
import java.util.function.Function;

/**
 * What the query services that read rollups share: the store, unproxied, and the {@link RollupReads} on its tables,
 * which read through JDBC ({@link #rows}); endpoint names and entities come through the entity manager ({@link #read}).
 */
abstract class RollupQueryService {

    /** Endpoint names in order; a name missing (an endpoint row deleted since) last. */
    static final Comparator<String> NAMES = Comparator.nullsLast(Comparator.naturalOrder());

    private Store store;
    /** the reads of the store's rollups */
    RollupReads reads;

    /** For the container's proxy. */
    RollupQueryService() {
    }

    RollupQueryService(Store store) {
        this.store = store.unproxied();
        this.reads = new RollupReads(this.store.schema());
    }

    /** Runs a read on a fresh entity manager of the store. */
    <T> T read(Function<EntityManager, T> query) {
        return store.read(query);
    }

    /** Runs a read of rollup rows on a JDBC connection of the store ({@link Store#readRows}). */
    <T> T rows(Store.RowsQuery<T> query) {
        return store.readRows(query);
    }
}
