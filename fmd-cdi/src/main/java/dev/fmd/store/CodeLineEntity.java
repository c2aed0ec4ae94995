package dev.fmd.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** A row of {@code <prefix>code_line}: one line of code, stored once however many trees contain it. */
@Entity(name = "FmdCodeLine")
@Table(name = "code_line")
@TableGenerator(name = "fmd_code_line_ids", table = "sequence", pkColumnName = "seq_name",
        valueColumnName = "seq_count", pkColumnValue = "code_line", allocationSize = 100)
public class CodeLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "fmd_code_line_ids")
    private long id;

    @Column(name = "class_name", nullable = false, length = 250)
    private String className;

    @Column(name = "method_name", nullable = false, length = 120)
    private String methodName;

    @Column(name = "file_name", nullable = false, length = 120)
    private String fileName;

    @Column(name = "line_number", nullable = false)
    private int lineNumber;

    protected CodeLineEntity() {
    }

    CodeLineEntity(String className, String methodName, String fileName, int lineNumber) {
        this.className = className;
        this.methodName = methodName;
        this.fileName = fileName;
        this.lineNumber = lineNumber;
    }

    long id() {
        return id;
    }

    String className() {
        return className;
    }

    String methodName() {
        return methodName;
    }

    String fileName() {
        return fileName;
    }

    int lineNumber() {
        return lineNumber;
    }
}
