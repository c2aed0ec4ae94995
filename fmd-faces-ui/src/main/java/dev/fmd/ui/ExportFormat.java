package dev.fmd.ui;

import dev.fmd.query.ExportSink;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How an export is written, row by row, keeping nothing: CSV as RFC 4180 defines it (a header line, fields with a
 * comma, quote or line break quoted, quotes doubled, lines ended by CRLF) or a JSON array of one object per row.
 * Times are ISO-8601 UTC instants ({@code 2026-12-06T10:15:30.250Z}), numbers plain, a missing value empty (CSV)
 * or {@code null} (JSON).
 * <pre>
 * try (ExportFormat.Rows rows = ExportFormat.CSV.open(writer, List.of("id", "endpoint"))) {
 *     rows.row(new Object[] {1L, "Shop, \"list\""});   // 1,"Shop, ""list"""
 * }
 * </pre>
 */
public enum ExportFormat {
    CSV("csv", "text/csv") {
        @Override
        public Rows open(Writer out, List<String> columns) throws IOException {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                csvField(out, columns.get(i));
            }
            out.write("\r\n");
            return new Rows(out) {
                @Override
                public void row(Object[] values) throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        if (values[i] != null) {
                            csvField(out, text(values[i]));
                        }
                    }
                    out.write("\r\n");
                }
            };
        }
    },
    JSON("json", "application/json") {
        @Override
        public Rows open(Writer out, List<String> columns) throws IOException {
            String[] names = columns.stream().map(c -> jsonString(c) + ":").toArray(String[]::new);
            out.write('[');
            return new Rows(out) {
                private boolean first = true;

                @Override
                public void row(Object[] values) throws IOException {
                    out.write(first ? "\n{" : ",\n{");
                    first = false;
                    for (int i = 0; i < values.length; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(names[i]);
                        Object value = values[i];
                        out.write(value == null ? "null" : value instanceof Number ? text(value)
                                : jsonString(text(value)));
                    }
                    out.write('}');
                }

                @Override
                public void close() throws IOException {
                    out.write(first ? "]\n" : "\n]\n");
                    super.close();
                }
            };
        }
    };

    private final String key;
    private final String mediaType;

    ExportFormat(String key, String mediaType) {
        this.key = key;
        this.mediaType = mediaType;
    }

    /** @return the parameter value and file extension, {@code csv} or {@code json} */
    public String key() {
        return key;
    }

    /** @return the response's media type, without charset */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Writes the start of the export (CSV's header line, JSON's opening bracket).
     *
     * @param out     where to write
     * @param columns the column names
     * @return the sink for the rows; {@link Rows#close()} writes the end and flushes
     * @throws IOException when writing fails
     */
    public abstract Rows open(Writer out, List<String> columns) throws IOException;

    /**
     * @param key a parameter value
     * @return the format it names
     * @throws IllegalArgumentException saying what is expected
     */
    public static ExportFormat of(String key) {
        for (ExportFormat format : values()) {
            if (format.key.equals(key)) {
                return format;
            }
        }
        throw new IllegalArgumentException("expected csv or json");
    }

    /** Writes rows as they come; closing writes the end of the document and flushes (the writer stays open). */
    public abstract static class Rows implements ExportSink, AutoCloseable {
        final Writer out;

        Rows(Writer out) {
            this.out = out;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** @return a value as text: instants in ISO-8601 UTC, decimals plain */
    static String text(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static void csvField(Writer out, String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    /** @return the value as a JSON string literal, escaped as {@link ScriptJson} escapes */
    static String jsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 16);
        ScriptJson.appendString(json, value);
        return json.toString();
    }
}
