package dev.fmd.testmonitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TestTagTest {

    private static final String TOKEN = "testmonitor-token-0123456789";

    @Test
    void aTagIsBelievedOnlyWithTheConfiguredToken() {
        assertEquals(new TestTag("run-1", "com.acme.OrderIT#placesOrder"),
                TestTag.of(" com.acme.OrderIT#placesOrder ", "run-1", TOKEN, TOKEN));
        assertNull(TestTag.of("com.acme.OrderIT#placesOrder", "run-1", TOKEN + "x", TOKEN));
        assertNull(TestTag.of("com.acme.OrderIT#placesOrder", "run-1", null, TOKEN));
        assertNull(TestTag.of("com.acme.OrderIT#placesOrder", "run-1", TOKEN, ""), "uploads off: no tag believed");
        assertNull(TestTag.of("com.acme.OrderIT#placesOrder", "run-1", "", ""));
    }

    @Test
    void aMalformedTagIsIgnored() {
        assertNull(TestTag.of("com.acme.OrderIT#placesOrder", "run 1", TOKEN, TOKEN));
        assertNull(TestTag.of("com.acme.OrderIT#placesOrder", null, TOKEN, TOKEN));
        assertNull(TestTag.of("x".repeat(TestTag.MAX_NAME + 1), "run-1", TOKEN, TOKEN));
        assertNull(TestTag.of("a\u0007b", "run-1", TOKEN, TOKEN));
        assertNull(TestTag.of("  ", "run-1", TOKEN, TOKEN));
    }
}
