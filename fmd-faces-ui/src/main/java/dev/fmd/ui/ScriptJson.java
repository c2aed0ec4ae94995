package dev.fmd.ui;

/**
 * Writes JSON text that is safe inside a {@code <script type="application/json">} element, in one pass and without
 * building a tree first (a chart of a 90-day page has thousands of cells): strings are escaped as JSON requires
 * ({@code "}, {@code \}, control characters) and, beyond that, {@code <}, {@code >}, {@code &} and the JavaScript line
 * separators U+2028 and U+2029 are written as {@code \}{@code u} escapes, so that no value from a client can end the
 * element or be read as markup. Numbers must be finite.
 * <pre>
 * String json = new ScriptJson().beginObject().name("rows").beginArray().value("a&lt;b").value(3).endArray()
 *         .endObject().toString();     // {"rows":["a&lt;b",3]} with the &lt; as a backslash-u escape
 * </pre>
 * The caller nests the calls correctly; commas and colons are written here. Not thread-safe.
 */
final class ScriptJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(4096);
    /** per open array or object: whether a value has been written in it (the next one needs a comma) */
    private boolean[] filled = new boolean[8];
    private int depth;
    /** a name was just written: the value follows without a comma */
    private boolean afterName;

    ScriptJson beginObject() {
        return open('{');
    }

    ScriptJson endObject() {
        return close('}');
    }

    ScriptJson beginArray() {
        return open('[');
    }

    ScriptJson endArray() {
        return close(']');
    }

    /** Writes the name of the next member of an object. */
    ScriptJson name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    /** @param value a string, or null for JSON null */
    ScriptJson value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    ScriptJson value(long value) {
        separate();
        out.append(value);
        return this;
    }

    /** @param value a finite number */
    ScriptJson value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        separate();
        out.append(value);
        return this;
    }

    ScriptJson value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** @return the JSON text written so far */
    @Override
    public String toString() {
        return out.toString();
    }

    private ScriptJson open(char bracket) {
        separate();
        out.append(bracket);
        if (depth == filled.length) {
            filled = java.util.Arrays.copyOf(filled, depth * 2);
        }
        filled[depth++] = false;
        return this;
    }

    private ScriptJson close(char bracket) {
        depth--;
        out.append(bracket);
        return this;
    }

    /** Writes the comma before a value or name, unless it is the first in its array or object, or a member's. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (filled[depth - 1]) {
                out.append(',');
            }
            filled[depth - 1] = true;
        }
    }

    private void string(String value) {
        appendString(out, value);
    }

    /**
     * Appends a JSON string literal of the value, escaped as this class escapes every string.
     *
     * @param out   where to append
     * @param value the text
     */
    static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(out, c);
                default -> {
                    if (c < 0x20) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }
}
