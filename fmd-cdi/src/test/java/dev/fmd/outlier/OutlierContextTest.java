package dev.fmd.outlier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutlierContextTest {

    private final OutlierContext context = new OutlierContext(new Redactor(List.of("password")), 300);

    @Test
    void longFieldsAreCutWithAMarkerAndKeepTheCap() {
        String capped = context.cap("x".repeat(1000));
        assertEquals(300, capped.length());
        assertTrue(capped.endsWith("more characters cut by fmd.outlier-max-field]"), capped);
        assertEquals("short", context.cap("short"));
    }

    @Test
    void queryParametersAreDecodedAndRedacted() {
        assertEquals("item=42\npassword=[redacted]\nq=a b\n", context.query("item=42&password=hunter2&q=a+b"));
        assertEquals("", context.query(null));
    }
}
