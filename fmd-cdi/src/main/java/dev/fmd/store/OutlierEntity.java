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
 * A row of {@code <prefix>outlier}: the context of one outlier request, already redacted and capped. Written only;
 * {@link JpaOutlierQueries} reads the rows in plain JDBC.
 */
@Entity(name = "FmdOutlier")
@Table(name = "outlier")
@TableGenerator(name = "fmd_outlier_ids", table = "sequence", pkColumnName = "seq_name",
        valueColumnName = "seq_count", pkColumnValue = "outlier", allocationSize = 20)
public class OutlierEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "fmd_outlier_ids")
    private long id;

    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "time_requested", nullable = false)
    private LocalDateTime timeRequested;

    /** the endpoint's running average when the request started, in ms; null in rows stored before migration 4 */
    @Column(name = "average_ms")
    private Double averageMs;

    @Column(name = "stack_trace", length = 1_000_000)
    private String stackTrace;

    @Column(name = "cpu_percent")
    private double cpuPercent;

    @Column(name = "heap_used")
    private long heapUsed;

    @Column(name = "heap_committed")
    private long heapCommitted;

    @Column(name = "request_url", length = 1_000_000)
    private String url;

    @Column(name = "query_params", length = 1_000_000)
    private String queryParams;

    @Column(name = "form_params", length = 1_000_000)
    private String formParams;

    @Column(name = "request_headers", length = 1_000_000)
    private String headers;

    @Column(name = "request_environment", length = 1_000_000)
    private String environment;

    protected OutlierEntity() {
    }

    OutlierEntity(long requestId, long endpointId, LocalDateTime timeRequested, dev.fmd.outlier.OutlierRecord o) {
        this.requestId = requestId;
        this.endpointId = endpointId;
        this.timeRequested = timeRequested;
        this.averageMs = Double.isNaN(o.averageMs()) ? null : o.averageMs();
        this.stackTrace = o.stackTrace();
        this.cpuPercent = o.cpuPercent();
        this.heapUsed = o.heapUsed();
        this.heapCommitted = o.heapCommitted();
        this.url = o.url();
        this.queryParams = o.queryParams();
        this.formParams = o.formParams();
        this.headers = o.headers();
        this.environment = o.environment();
    }
}
