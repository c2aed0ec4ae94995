package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TestNameTest {

    @Test
    void isClassHashMethod() {
        assertEquals("com.acme.OrderIT#placesOrder", TestName.of("com.acme.OrderIT", "placesOrder"));
    }

    @Test
    void isCutToTheFiveHundredCharactersTheServerTakes() {
        String name = TestName.of("a".repeat(498), "method");
        assertEquals(500, name.length());
        assertEquals("a".repeat(498) + "#m", name);
    }
}
