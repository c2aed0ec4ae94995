package dev.fmd.monitor;

import java.lang.reflect.Array;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Flattens what a {@link dev.fmd.GroupBy} bean returns into the text stored with the request, as
 * Flask-MonitoringDashboard does: {@code 3} → {@code 3}; {@code List.of("User", 3)} → {@code (User,3)};
 * a supplier of {@code 3} → {@code 3}; {@code List.of(List.of("User", supplierOf3), List.of("Username", "username"))}
 * → {@code ((User,3),(Username,username))}.
 */
public final class GroupByValue {

    private static final int MAX_DEPTH = 16;

    private GroupByValue() {
    }

    /**
     * @param value a primitive, string, supplier, callable, optional, iterable, array or map entry, nested freely
     * @return the flattened text, or null for a null value
     * @throws Exception what a nested supplier or callable throws
     */
    public static String flatten(Object value) throws Exception {
        Object resolved = resolve(value, 0);
        return resolved == null ? null : flatten(resolved, 0);
    }

    /** Calls suppliers and callables and opens optionals until a plain value (or null) is left. */
    private static Object resolve(Object value, int depth) throws Exception {
        Object current = value;
        for (int level = depth; ; level++) {
            if (level > MAX_DEPTH) {
                throw new IllegalArgumentException("group-by value nested deeper than " + MAX_DEPTH + " levels");
            }
            if (current instanceof Supplier<?> supplier) {
                current = supplier.get();
            } else if (current instanceof Callable<?> callable) {
                current = callable.call();
            } else if (current instanceof Optional<?> optional) {
                current = optional.orElse(null);
            } else {
                return current;
            }
        }
    }

    private static String flatten(Object plain, int depth) throws Exception {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("group-by value nested deeper than " + MAX_DEPTH + " levels");
        }
        Object value = resolve(plain, depth);
        if (value instanceof Map.Entry<?, ?> entry) {
            return "(" + flatten(entry.getKey(), depth + 1) + "," + flatten(entry.getValue(), depth + 1) + ")";
        }
        if (value instanceof Iterable<?> iterable) {
            StringJoiner tuple = new StringJoiner(",", "(", ")");
            for (Object element : iterable) {
                tuple.add(flatten(element, depth + 1));
            }
            return tuple.toString();
        }
        if (value != null && value.getClass().isArray()) {
            StringJoiner tuple = new StringJoiner(",", "(", ")");
            for (int i = 0; i < Array.getLength(value); i++) {
                tuple.add(flatten(Array.get(value, i), depth + 1));
            }
            return tuple.toString();
        }
        return String.valueOf(value);
    }
}
