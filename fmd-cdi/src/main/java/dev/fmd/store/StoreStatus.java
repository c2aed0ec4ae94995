package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Monitor;
import dev.fmd.query.DashboardStatus;
import dev.fmd.query.DatabaseState;
import dev.fmd.query.InstanceInfo;
import dev.fmd.query.StatusQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** {@link StatusQueries} from the monitor's queues, the writer's counters and {@code <prefix>instance}. */
@ApplicationScoped
public class StoreStatus implements StatusQueries {

    private FmdConfig config;
    private Monitor monitor;
    private BatchWriter writer;
    private Store store;

    /** For the container's proxy. */
    protected StoreStatus() {
    }

    @Inject
    public StoreStatus(FmdConfig config, Monitor monitor, BatchWriter writer, Store store) {
        this.config = config;
        this.monitor = monitor.unproxied();
        this.writer = writer.unproxied();
        this.store = store.unproxied();
    }

    @Override
    public DashboardStatus status() {
        if (!config.enabled()) {
            return new DashboardStatus(config.appVersion(), config.instance(), DatabaseState.DISABLED, null, null, 0,
                    config.queueCapacity(), 0, 0, 0, 0, List.of());
        }
        DatabaseHealth health = writer.health();
        DatabaseState state = switch (health.state()) {
            case STARTING -> {
                writer.wanted();
                yield DatabaseState.STARTING;
            }
            case UP -> DatabaseState.UP;
            case DOWN -> DatabaseState.UNREACHABLE;
        };
        List<InstanceInfo> instances = List.of();
        if (state == DatabaseState.UP && store.isOpen()) {
            try {
                instances = store.read(em -> em.createQuery("SELECT i FROM FmdInstance i ORDER BY i.name",
                        InstanceEntity.class).getResultList().stream().map(i -> new InstanceInfo(i.name(),
                        i.version(), instant(i.firstSeen()), instant(i.lastSeen()))).toList());
            } catch (RuntimeException e) {
                monitor.problems().report("reading the instances", e);
            }
        }
        return new DashboardStatus(config.appVersion(), config.instance(), state, health.since(),
                health.lastFailure(), monitor.queue().size() + writer.inHand(), config.queueCapacity(),
                monitor.queue().dropped(), writer.rejected(),
                monitor.attachments().dropped() + writer.lostAttachments()
                        + monitor.testHits().dropped() + writer.lostTestHits(), writer.written(), instances);
    }

    private static Instant instant(java.time.LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
