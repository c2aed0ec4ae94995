package dev.fmd.testmonitor.client;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A minimal streaming JSON writer, enough for the upload body: objects, arrays, strings, integers, decimals and null.
 * Commas are placed by the writer; strings are escaped as RFC 8259 requires (quote, backslash, control characters,
 * and lone surrogates, which have no UTF-8 form).
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("run").value("abc").name("times").value(5).endObject().toString();
 * // {"run":"abc","times":5}
 * }</pre>
 */
final class JsonWriter {

    private static final int DECIMALS = 3;

    private final StringBuilder out = new StringBuilder();
    /** true when the next value or name in the current container needs a comma before it */
    private boolean needsComma;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** The member name of the next value; the value call that follows writes no comma of its own. */
    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    /** A string, or null. */
    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        needsComma = true;
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    /**
     * A decimal rounded to {@value #DECIMALS} places, in plain notation without trailing zeros ({@code 12.5},
     * {@code 11}); NaN and infinities have no JSON form and are refused.
     */
    JsonWriter value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no number for " + value);
        }
        separate();
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        out.append(rounded.signum() == 0 ? "0" : rounded.toPlainString());
        needsComma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
