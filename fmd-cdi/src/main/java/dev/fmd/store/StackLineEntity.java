package dev.fmd.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** A row of {@code <prefix>stack_line}: one node of a request's call tree, in pre-order. */
@Entity(name = "FmdStackLine")
@Table(name = "stack_line")
@IdClass(StackLineEntity.Key.class)
public class StackLineEntity {

    @Id
    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Id
    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "indent", nullable = false)
    private int indent;

    @Column(name = "code_line_id", nullable = false)
    private long codeLineId;

    @Column(name = "duration", nullable = false, precision = 16, scale = 4)
    private BigDecimal duration;

    protected StackLineEntity() {
    }

    StackLineEntity(long requestId, int position, int indent, long codeLineId, BigDecimal duration) {
        this.requestId = requestId;
        this.position = position;
        this.indent = indent;
        this.codeLineId = codeLineId;
        this.duration = duration;
    }

    long requestId() {
        return requestId;
    }

    int position() {
        return position;
    }

    int indent() {
        return indent;
    }

    long codeLineId() {
        return codeLineId;
    }

    BigDecimal duration() {
        return duration;
    }

    /** The primary key: request and position. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long requestId;
        private int position;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.requestId == requestId && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, position);
        }
    }
}
