package dev.fmd.it.queries;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries fmd's query answers (records such as {@code RequestStats}, lists of them, their times) from the server to
 * the test as JSON, and the test's seeded requests the other way, so both sides compare the same Java types.
 * <p>
 * The contract: a record is an object of its components by name; a list an array; an {@link Instant},
 * {@link LocalDate}, enum or string a string; an integral number a number; a double a number, or the string
 * {@code "NaN"} / {@code "Infinity"} / {@code "-Infinity"} when it is not finite (JSON has no such numbers); null
 * null. {@link #read} inverts {@link #write} exactly for these types; anything else is refused.
 */
public final class RecordJson {

    private RecordJson() {
    }

    /** @return the value (a record, a list of them, or a value as above) as JSON text */
    public static String write(Object value) {
        return json(value).toString();
    }

    /**
     * @param json the text {@link #write} made of a list
     * @param type the class of its elements
     * @return the list
     */
    public static <T> List<T> readList(String json, Class<T> type) {
        JsonArray array = Json.createReader(new StringReader(json)).readArray();
        List<T> list = new ArrayList<>(array.size());
        array.forEach(element -> list.add(type.cast(read(element, type))));
        return list;
    }

    /**
     * @param json the text {@link #write} made of one record
     * @param type its class
     * @return the record
     */
    public static <T> T readObject(String json, Class<T> type) {
        return type.cast(read(Json.createReader(new StringReader(json)).readValue(), type));
    }

    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Record record) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                object.add(component.getName(), json(get(component, record)));
            }
            return object.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(element -> array.add(json(element)));
            return array.build();
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? Json.createValue(d) : Json.createValue(d.toString());
        }
        if (value instanceof Long || value instanceof Integer) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof String || value instanceof Instant || value instanceof LocalDate
                || value instanceof Enum<?>) {
            return Json.createValue(value.toString());
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }

    private static Object read(JsonValue json, Type type) {
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            List<Object> elements = new ArrayList<>();
            json.asJsonArray().forEach(element -> elements.add(read(element, list.getActualTypeArguments()[0])));
            return elements;
        }
        Class<?> target = (Class<?>) type;
        if (target.isRecord()) {
            return record(json.asJsonObject(), target);
        }
        if (target == double.class || target == Double.class) {
            return json instanceof JsonString text ? Double.valueOf(text.getString())
                    : ((JsonNumber) json).doubleValue();
        }
        if (target == long.class || target == Long.class) {
            return ((JsonNumber) json).longValueExact();
        }
        if (target == int.class || target == Integer.class) {
            return ((JsonNumber) json).intValueExact();
        }
        if (target == boolean.class || target == Boolean.class) {
            return json == JsonValue.TRUE;
        }
        String text = ((JsonString) json).getString();
        if (target == String.class) {
            return text;
        }
        if (target == Instant.class) {
            return Instant.parse(text);
        }
        if (target == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (target.isEnum()) {
            return enumValue(target, text);
        }
        throw new IllegalArgumentException("no Java form of " + target.getName() + " from JSON");
    }

    private static Object record(JsonObject object, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            JsonValue value = object.get(components[i].getName());
            values[i] = read(value == null ? JsonValue.NULL : value, components[i].getGenericType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a " + type.getName() + " of " + object, e);
        }
    }

    private static Object get(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + component, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
