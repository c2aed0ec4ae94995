package dev.fmd.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/** A row of {@code <prefix>endpoint}: one monitored resource method. Times are UTC. */
@Entity(name = "FmdEndpoint")
@Table(name = "endpoint")
@TableGenerator(name = "fmd_endpoint_ids", table = "sequence", pkColumnName = "seq_name",
        valueColumnName = "seq_count", pkColumnValue = "endpoint", allocationSize = 20)
public class EndpointEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "fmd_endpoint_ids")
    private long id;

    @Column(name = "name", nullable = false, length = 250)
    private String name;

    @Column(name = "http_method", nullable = false, length = 16)
    private String httpMethod;

    @Column(name = "path", nullable = false, length = 480)
    private String path;

    @Column(name = "monitor_level", nullable = false)
    private int monitorLevel;

    @Column(name = "time_added", nullable = false)
    private LocalDateTime timeAdded;

    @Column(name = "version_added", length = 100)
    private String versionAdded;

    @Column(name = "last_requested")
    private LocalDateTime lastRequested;

    protected EndpointEntity() {
    }

    /**
     * @param em an entity manager
     * @return every endpoint's name by id, for the pages that label rollup figures (one small query)
     */
    static Map<Long, String> names(EntityManager em) {
        Map<Long, String> names = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT e.id, e.name FROM FmdEndpoint e", Object[].class).getResultList()) {
            names.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return names;
    }

    EndpointEntity(String name, String httpMethod, String path, int monitorLevel, LocalDateTime timeAdded,
                   String versionAdded) {
        this.name = name;
        this.httpMethod = httpMethod;
        this.path = path;
        this.monitorLevel = monitorLevel;
        this.timeAdded = timeAdded;
        this.versionAdded = versionAdded;
    }

    long id() {
        return id;
    }

    String name() {
        return name;
    }

    String httpMethod() {
        return httpMethod;
    }

    String path() {
        return path;
    }

    int monitorLevel() {
        return monitorLevel;
    }

    LocalDateTime timeAdded() {
        return timeAdded;
    }

    String versionAdded() {
        return versionAdded;
    }

    LocalDateTime lastRequested() {
        return lastRequested;
    }
}
