package dev.fmd.ui;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An endpoint keeps the colour it had: hashed from its name, unless configured. */
class EndpointColorsTest {

    @Test
    void colourOfANameStaysTheSame() {
        // as written by String.format("#%02x%02x%02x", ...) before
        Map<String, String> before = Map.of("ProductResource.list", "#8540ce", "OrderResource.create", "#31d861",
                "Shop.orders", "#48c83c", "", "#913030", "A.b", "#9db823", "ReportResource.primes", "#259d2b");
        before.forEach((name, color) -> assertEquals(color, EndpointColors.of(name, Map.of()), name));
        assertEquals("#123", EndpointColors.of("A.b", Map.of("A.b", "#123")));
        for (int i = 0; i < 10_000; i++) {
            assertTrue(EndpointColors.of("E" + i + ".m", Map.of()).matches("#[0-9a-f]{6}"));
        }
    }
}
