package dev.fmd.ui;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A test is shown by its class's simple name and method, its repetitions as a short list. */
class TestNamesTest {

    @Test
    void aTestIsShownByItsSimpleClassNameAndMethod() {
        assertEquals("OrderIT#placesOrder", TestNames.simple("com.acme.OrderIT#placesOrder"));
        assertEquals("OrderIT$Refunds#refunds", TestNames.simple("com.acme.OrderIT$Refunds#refunds"));
        assertEquals("OrderIT#placesOrder", TestNames.simple("OrderIT#placesOrder"));
        assertEquals("placesOrder(int)[1]", TestNames.simple("com.acme.placesOrder(int)[1]"), "no '#': no package");
        assertEquals("OrderIT#with.dot", TestNames.simple("com.acme.OrderIT#with.dot"), "a dot in the method stays");
    }

    @Test
    void aLegendUsesTheFullNameOnlyWhereTwoSimpleNamesClash() {
        Map<String, String> legend = TestNames.legend(List.of("a.OrderIT#places", "b.OrderIT#places",
                "a.OrderIT#cancels"));
        assertEquals(Map.of("a.OrderIT#places", "a.OrderIT#places", "b.OrderIT#places", "b.OrderIT#places",
                "a.OrderIT#cancels", "OrderIT#cancels"), legend);
        assertEquals(List.of("a.OrderIT#places", "b.OrderIT#places", "a.OrderIT#cancels"),
                List.copyOf(legend.keySet()), "in the given order");
    }

    @Test
    void repetitionsAreListedShortWithHowManyMore() {
        assertEquals("12.5 · 11 · 10.9", TestNames.durations(List.of(12.5, 11.0, 10.9), d -> fmt(d), 10));
        assertEquals("1 · 2 … +3", TestNames.durations(List.of(1.0, 2.0, 3.0, 4.0, 5.0), d -> fmt(d), 2));
        assertEquals("1 · 2", TestNames.durations(List.of(1.0, 2.0), d -> fmt(d), 2), "exactly as many as shown");
        assertEquals("–", TestNames.durations(List.of(), d -> fmt(d), 10), "skipped: no repetition");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
