package dev.fmd.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.LocalDateTime;

/**
 * A row of {@code <prefix>rollup}: the requests of one endpoint, one hour, one version, written by one instance,
 * as a count, a total and a {@link DurationHistogram}. Each instance writes only its own rows, so rollups never race;
 * readers merge the rows they need.
 */
@Entity(name = "FmdRollup")
@Table(name = "rollup")
@TableGenerator(name = "fmd_rollup_ids", table = "sequence", pkColumnName = "seq_name",
        valueColumnName = "seq_count", pkColumnValue = "rollup", allocationSize = 100)
public class RollupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "fmd_rollup_ids")
    private long id;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "hour_start", nullable = false)
    private LocalDateTime hour;

    @Column(name = "version", nullable = false, length = 100)
    private String version;

    @Column(name = "instance", nullable = false, length = 100)
    private String instance;

    @Column(name = "hits", nullable = false)
    private long hits;

    @Column(name = "errors", nullable = false)
    private long errors;

    @Column(name = "total_ms", nullable = false)
    private double totalMs;

    @Column(name = "histogram", length = 100_000)
    private String histogram;

    protected RollupEntity() {
    }

    RollupEntity(long endpointId, LocalDateTime hour, String version, String instance) {
        this.endpointId = endpointId;
        this.hour = hour;
        this.version = version;
        this.instance = instance;
        this.histogram = "";
    }

    void add(long moreHits, long moreErrors, double moreTotalMs, DurationHistogram moreDurations) {
        DurationHistogram merged = DurationHistogram.decode(histogram);
        merged.merge(moreDurations);
        hits += moreHits;
        errors += moreErrors;
        totalMs += moreTotalMs;
        histogram = merged.encode();
    }
}
