package dev.fmd.store;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.LevelChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** {@link LevelChanges} in {@code <prefix>endpoint}, applied at once to this instance's endpoints. */
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
        if (level > endpoint.get().maxLevel()) {
            throw new IllegalArgumentException("level of " + endpoint.get() + " must be 0 (off) or 1 (measure): it "
                    + "has no resource method to watch or profile, not " + level);
        }
        new EndpointRows(store).level(endpointId, level);
        endpoint.get().level(level);
        return true;
    }
}
