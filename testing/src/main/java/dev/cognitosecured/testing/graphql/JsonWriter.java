package dev.cognitosecured.testing.graphql;

import java.lang.reflect.Array;
import java.util.Map;

/**
 * Writes the JSON of response bodies from what graphql-java produces: maps, lists, strings,
 * numbers, booleans and {@code null}. Anything else (a custom scalar's value) is written as its
 * {@code toString()}.
 */
final class JsonWriter {

    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder json = new StringBuilder(256);
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof CharSequence text) {
            appendString(json, text.toString());
        } else if (value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            json.append(Double.isFinite(number) ? value.toString() : "null");
        } else if (value instanceof Number) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(json, map);
        } else if (value instanceof Iterable<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                first = comma(json, first);
                append(json, item);
            }
            json.append(']');
        } else if (value.getClass().isArray()) {
            json.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                comma(json, i == 0);
                append(json, Array.get(value, i));
            }
            json.append(']');
        } else if (value instanceof Enum<?> constant) {
            appendString(json, constant.name());
        } else {
            appendString(json, value.toString());
        }
    }

    private static void appendObject(StringBuilder json, Map<?, ?> map) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            first = comma(json, first);
            appendString(json, String.valueOf(entry.getKey()));
            json.append(':');
            append(json, entry.getValue());
        }
        json.append('}');
    }

    private static boolean comma(StringBuilder json, boolean first) {
        if (!first) {
            json.append(',');
        }
        return false;
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
