package dev.fmd.store;

import dev.fmd.query.RequestCursor;
import dev.fmd.query.TimeWindow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code WHERE} of a plain-JDBC read of request-like rows, with its parameters in order: a time window and its
 * instance, a keyset cursor ({@code time < t OR (time = t AND id < i)}, for newest-first pages), and any other
 * condition. Times are UTC {@link LocalDateTime}s, as the rows store them.
 * <p>
 * Numbers and times go into the SQL text as literals, only strings are bound: the plan of a newest-first walk
 * depends on how many rows the endpoint and the time range hold, and a plan made for unknown values (PostgreSQL's
 * generic plan, which it switches to once a statement has run a few times on a connection) guesses a hundred rows
 * and sorts all of the endpoint's requests of the window instead of walking the index: 500 ms rather than 1 ms for
 * a page of 50 on two million requests. The literals are made here from numbers and times, never from text.
 * <pre>
 * RowConditions where = new RowConditions().and("r.endpoint_id = ?", endpointId)
 *         .window("r.time_requested", "r.instance", window).before("r.time_requested", "r.id", cursor);
 * PreparedStatement select = connection.prepareStatement("SELECT ... FROM ... WHERE " + where + " ORDER BY ...");
 * where.bind(select);
 * </pre>
 */
final class RowConditions {

    /**
     * @param count how many parameters, at least 1
     * @return {@code ?, ?, ...}: the parameters of an {@code IN (...)} list
     */
    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /**
     * @param condition a condition with {@code ?} parameters
     * @param values    its parameters
     * @return this
     */
    RowConditions and(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    /**
     * @param time     the time column
     * @param instance the instance column
     * @param window   the window and its instance, or null for no condition
     * @return this
     */
    RowConditions window(String time, String instance, TimeWindow window) {
        if (window != null) {
            and(time + " >= ? AND " + time + " < ?", utc(window.from()), utc(window.to()));
            if (window.instance() != null) {
                and(instance + " = ?", window.instance());
            }
        }
        return this;
    }

    /**
     * @param time   the time column of the order
     * @param id     the id column that breaks ties of the order
     * @param cursor the rows must come after (be older than) this one; null for no condition
     * @return this
     */
    RowConditions before(String time, String id, RequestCursor cursor) {
        if (cursor != null) {
            LocalDateTime t = utc(cursor.time());
            and(time + " <= ? AND (" + time + " < ? OR " + id + " < ?)", t, t, cursor.id());
        }
        return this;
    }

    /**
     * @param rows     the rows read for a page of {@code size}: at most {@code size + 1}, the last telling that
     *                 there are more
     * @param size     the page size
     * @param cursorOf the cursor of the rows after a row
     * @return the cursor of the next page, or null when the rows fit in this one
     */
    static <T> RequestCursor next(List<T> rows, int size, Function<T, RequestCursor> cursorOf) {
        return rows.size() > size ? cursorOf.apply(rows.get(size - 1)) : null;
    }

    /** @return the first {@code size} of the rows, as a page shows them */
    static <T> List<T> page(List<T> rows, int size) {
        return List.copyOf(rows.subList(0, Math.min(size, rows.size())));
    }

    /** Binds the parameters left as {@code ?} (the strings), from the first. */
    void bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object param : params) {
            if (literal(param) == null) {
                statement.setObject(index++, param);
            }
        }
    }

    /** @return the conditions joined by {@code AND}, numbers and times in place, or {@code 1 = 1} when none */
    @Override
    public String toString() {
        if (conditions.isEmpty()) {
            return "1 = 1";
        }
        String sql = String.join(" AND ", conditions);
        StringBuilder text = new StringBuilder(sql.length() + 16 * params.size());
        int param = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            String literal = c == '?' ? literal(params.get(param++)) : null;
            text.append(literal != null ? literal : String.valueOf(c));
        }
        return text.toString();
    }

    /** @return the SQL literal of a number or time, or null for a value to bind */
    private static String literal(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof LocalDateTime time) {
            // to the microsecond, upwards: rows hold milliseconds, so every comparison keeps its answer
            LocalDateTime micros = time.truncatedTo(ChronoUnit.MICROS);
            return "TIMESTAMP '" + LITERAL.format(micros.isBefore(time) ? micros.plusNanos(1000) : micros) + "'";
        }
        return null;
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
