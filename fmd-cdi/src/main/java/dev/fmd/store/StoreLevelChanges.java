package dev.fmd.store;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.LevelChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * {@link LevelChanges} in {@code <prefix>endpoint}, applied at once to this instance's endpoints. A pseudo-endpoint
 * of unmatched requests, which has no method to watch or profile, gets at most level 1 (so that a change of many
 * endpoints at once applies to all).
 */
@ApplicationScoped
public class StoreLevelChanges implements LevelChanges {

    private Monitor monitor;
    private Store store;

    /** For the container's proxy. */
    protected StoreLevelChanges() {
    }

    @Inject
    public StoreLevelChanges(Monitor monitor, Store store) {
        this.monitor = monitor.unproxied();
        this.store = store.unproxied();
    }

    @Override
    public boolean changeLevel(long endpointId, int level) {
        if (level < 0 || level > 3) {
            throw new IllegalArgumentException("level must be 0 (off), 1 (measure), 2 (+ outliers) or 3 (+ profiler)"
                    + ", not " + level);
        }
        if (!store.isOpen()) {
            throw new IllegalStateException("fmd's database is not ready");
        }
        Optional<Endpoint> endpoint = monitor.endpoints().all().stream().filter(e -> e.id() == endpointId)
                .findFirst();
        if (endpoint.isEmpty()) {
            return false;
        }
        int applied = Math.min(level, endpoint.get().maxLevel());
        new EndpointRows(store).level(endpointId, applied);
        endpoint.get().level(applied);
        return true;
    }
}
