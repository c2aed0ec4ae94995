package dev.fmd.ui;

import dev.fmd.query.ExportKind;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportFormatTest {

    private static final Object[] ROW = {7L, Instant.parse("2026-12-01T10:15:30.250Z"), "a, \"quoted\"\r\nline",
        new BigDecimal("12.5"), null};

    private static String write(ExportFormat format, Object[]... rows) throws Exception {
        StringWriter out = new StringWriter();
        try (ExportFormat.Rows sink = format.open(out, List.of("id", "time", "text", "duration_ms", "none"))) {
            for (Object[] row : rows) {
                sink.row(row);
            }
        }
        return out.toString();
    }

    @Test
    void csvQuotesAsRfc4180Says() throws Exception {
        assertEquals("id,time,text,duration_ms,none\r\n7,2026-12-01T10:15:30.250Z,\"a, \"\"quoted\"\"\r\nline\",12.5,\r\n",
                write(ExportFormat.CSV, ROW));
    }

    @Test
    void jsonIsAnArrayOfObjects() throws Exception {
        JsonArray rows = Json.createReader(new StringReader(write(ExportFormat.JSON, ROW, ROW))).readArray();
        assertEquals(2, rows.size());
        assertEquals("a, \"quoted\"\r\nline", rows.getJsonObject(1).getString("text"));
        assertEquals(12.5, rows.getJsonObject(0).getJsonNumber("duration_ms").doubleValue());
        assertTrue(rows.getJsonObject(0).isNull("none"));
        assertEquals(0, Json.createReader(new StringReader(write(ExportFormat.JSON))).readArray().size());
    }

    @Test
    void parametersAreCheckedAndNamed() {
        Instant now = Instant.parse("2026-12-02T00:00:00Z");
        ExportRequest defaults = ExportRequest.parse(name -> null, now);
        assertEquals(ExportKind.REQUESTS, defaults.kind());
        assertEquals(ExportFormat.CSV, defaults.format());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), defaults.window().from());
        assertEquals("fmd-requests-20261201T0000Z-20261202T0000Z.csv", defaults.fileName());
        ExportRequest local = ExportRequest.parse(name -> switch (name) {
            case "from" -> "2026-07-01T10:00";
            case "to" -> "2026-07-01T12:00:00+02:00";
            case "zone" -> "Europe/Amsterdam";
            case "what" -> "outliers";
            case "format" -> "json";
            default -> null;
        }, now);
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), local.window().from());
        assertEquals(Instant.parse("2026-07-01T10:00:00Z"), local.window().to());
        assertEquals("fmd-outliers-20260701T0800Z-20260701T1000Z.json", local.fileName());
        for (String name : List.of("what", "format", "from", "to", "zone")) {
            ExportRequest.BadParameter bad = assertThrows(ExportRequest.BadParameter.class,
                    () -> ExportRequest.parse(n -> n.equals(name) ? "nonsense" : null, now));
            assertTrue(bad.getMessage().startsWith("parameter '" + name + "'=nonsense: expected"), bad.getMessage());
        }
        assertTrue(assertThrows(ExportRequest.BadParameter.class, () -> ExportRequest.parse(
                n -> n.equals("from") ? "2026-12-03T00:00:00Z" : null, now)).getMessage()
                .startsWith("parameter 'from'"));
    }
}
