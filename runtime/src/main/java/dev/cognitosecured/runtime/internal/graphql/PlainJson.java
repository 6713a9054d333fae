package dev.cognitosecured.runtime.internal.graphql;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed JSON into plain, unmodifiable Java values: {@code Map<String, Object>} (in document
 * order), {@code List<Object>}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger} for
 * whole numbers, {@code BigDecimal} for others, {@code Boolean}, and {@code null}.
 */
final class PlainJson {

    private PlainJson() {
    }

    static Object of(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> object(value.asJsonObject());
            case ARRAY -> array(value.asJsonArray());
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    static Map<String, Object> object(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>(object.size() * 2);
        object.forEach((name, member) -> map.put(name, of(member)));
        return Collections.unmodifiableMap(map);
    }

    static List<Object> array(JsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        array.forEach(element -> list.add(of(element)));
        return Collections.unmodifiableList(list);
    }

    private static Object number(JsonNumber number) {
        if (!number.isIntegral()) {
            return number.bigDecimalValue();
        }
        BigInteger whole = number.bigIntegerValue();
        if (whole.bitLength() < Integer.SIZE) {
            return whole.intValue();
        }
        if (whole.bitLength() < Long.SIZE) {
            return whole.longValue();
        }
        return whole;
    }
}
