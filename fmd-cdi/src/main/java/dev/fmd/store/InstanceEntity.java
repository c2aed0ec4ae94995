package dev.fmd.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A row of {@code <prefix>instance}: one server instance writing to this database, and when it was last seen. */
@Entity(name = "FmdInstance")
@Table(name = "instance")
public class InstanceEntity {

    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Column(name = "version", length = 100)
    private String version;

    @Column(name = "first_seen", nullable = false)
    private LocalDateTime firstSeen;

    @Column(name = "last_seen", nullable = false)
    private LocalDateTime lastSeen;

    protected InstanceEntity() {
    }

    InstanceEntity(String name, String version, LocalDateTime now) {
        this.name = name;
        this.version = version;
        this.firstSeen = now;
        this.lastSeen = now;
    }

    void seen(String currentVersion, LocalDateTime now) {
        this.version = currentVersion;
        this.lastSeen = now;
    }

    String name() {
        return name;
    }

    String version() {
        return version;
    }

    LocalDateTime firstSeen() {
        return firstSeen;
    }

    LocalDateTime lastSeen() {
        return lastSeen;
    }
}
