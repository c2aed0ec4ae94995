package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String string(String value) {
        return new JsonWriter().value(value).toString();
    }

    private static String number(double value) {
        return new JsonWriter().value(value).toString();
    }

    @Test
    void escapesQuoteBackslashAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", string("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", string("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\\u0007\"", string("\u0000\u001f\u0007"));
    }

    @Test
    void keepsOtherCharactersAsTheyAre() {
        assertEquals("\"/ é € \uD83D\uDE00 \u007f\"", string("/ é € \uD83D\uDE00 \u007f"));
    }

    @Test
    void escapesLoneSurrogatesWhichHaveNoUtf8Form() {
        assertEquals("\"a\\ud83db\"", string("a\uD83Db"));
        assertEquals("\"\\ude00\"", string("\uDE00"));
        assertEquals("\"x\\ud83d\"", string("x\uD83D"));
    }

    @Test
    void writesNullForAMissingString() {
        assertEquals("null", string(null));
    }

    @Test
    void writesDecimalsPlainRoundedToMicroseconds() {
        assertEquals("12.5", number(12.5));
        assertEquals("11", number(11.0));
        assertEquals("0", number(0.0));
        assertEquals("0", number(0.0001));
        assertEquals("0.001", number(0.0005));
        assertEquals("1.235", number(1.23456));
        assertEquals("0", number(-0.0001));
        assertEquals("123456789.5", number(123456789.5));
        assertEquals("1000", number(1000.0));
        assertEquals("-2", number(-2));
        assertEquals("5", new JsonWriter().value(5L).toString());
    }

    @Test
    void refusesNumbersJsonCannotExpress() {
        assertEquals("JSON has no number for NaN",
                assertThrows(IllegalArgumentException.class, () -> number(Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> number(Double.POSITIVE_INFINITY));
    }

    @Test
    void separatesMembersAndElementsWithCommas() {
        String json = new JsonWriter().beginObject()
                .name("a").value(1)
                .name("b").beginArray().value(1.5).beginObject().endObject().beginArray().endArray().value("x")
                .endArray()
                .name("c").beginObject().name("d").value((String) null).endObject()
                .endObject().toString();
        assertEquals("{\"a\":1,\"b\":[1.5,{},[],\"x\"],\"c\":{\"d\":null}}", json);
    }

    @Test
    void escapesMemberNames() {
        assertEquals("{\"a\\\"b\":1}", new JsonWriter().beginObject().name("a\"b").value(1).endObject().toString());
    }
}
