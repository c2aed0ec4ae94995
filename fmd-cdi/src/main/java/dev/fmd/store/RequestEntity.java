package dev.fmd.store;

import dev.fmd.query.RequestRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A row of {@code <prefix>request}: one measured request. Written only, in batches; read by the query services. */
@Entity(name = "FmdRequest")
@Table(name = "request")
@TableGenerator(name = "fmd_request_ids", table = "sequence", pkColumnName = "seq_name",
        valueColumnName = "seq_count", pkColumnValue = "request", allocationSize = 1000)
public class RequestEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "fmd_request_ids")
    private long id;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "duration", nullable = false, precision = 16, scale = 4)
    private BigDecimal duration;

    @Column(name = "time_requested", nullable = false)
    private LocalDateTime timeRequested;

    @Column(name = "version_requested", length = 100)
    private String versionRequested;

    @Column(name = "group_by", length = 255)
    private String groupBy;

    @Column(name = "ip", length = 45)
    private String ip;

    @Column(name = "status_code", nullable = false)
    private int statusCode;

    @Column(name = "exception_type", length = 255)
    private String exception;

    @Column(name = "instance", length = 100)
    private String instance;

    protected RequestEntity() {
    }

    long id() {
        return id;
    }

    LocalDateTime timeRequested() {
        return timeRequested;
    }

    BigDecimal duration() {
        return duration;
    }

    /** @return the row as the list of an endpoint's requests shows it */
    RequestRow row() {
        return new RequestRow(id, timeRequested.toInstant(ZoneOffset.UTC), duration.doubleValue(), versionRequested,
                groupBy, ip, statusCode, exception, instance);
    }
}
