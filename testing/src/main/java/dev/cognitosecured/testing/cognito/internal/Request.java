package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The JSON body of a request, read the way Cognito validates it. */
final class Request {

    private final JsonObject body;

    Request(JsonObject body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * The string member {@code name}.
     *
     * @throws CognitoException {@code InvalidParameterException} with Cognito's validation message if absent
     */
    String required(String name) {
        return optional(name).orElseThrow(() -> CognitoException.invalidParameter(
                "1 validation error detected: Value null at '" + camelCase(name)
                        + "' failed to satisfy constraint: Member must not be null"));
    }

    /** The string member {@code name}, if present and not empty. */
    Optional<String> optional(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw CognitoException.serialization("Member " + name + " must be a string");
        }
        String text = ((JsonString) value).getString();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The string-to-string map {@code name} ({@code AuthParameters}, {@code ChallengeResponses}); empty if absent. */
    Map<String, String> map(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw CognitoException.serialization("Member " + name + " must be an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
            if (entry.getValue().getValueType() != JsonValue.ValueType.STRING) {
                throw CognitoException.serialization("Values of " + name + " must be strings");
            }
            out.put(entry.getKey(), ((JsonString) entry.getValue()).getString());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The object member {@code name}, if present. */
    Optional<Request> object(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw CognitoException.serialization("Member " + name + " must be an object");
        }
        return Optional.of(new Request(value.asJsonObject()));
    }

    /** The object member {@code name} as it is (a document, such as a WebAuthn credential), if present. */
    Optional<JsonObject> rawObject(String name) {
        return object(name).map(member -> member.body);
    }

    /** The boolean member {@code name}, if present. */
    Optional<Boolean> bool(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE) {
            return Optional.of(true);
        }
        if (value == JsonValue.FALSE) {
            return Optional.of(false);
        }
        throw CognitoException.serialization("Member " + name + " must be a boolean");
    }

    /** The value {@code key} of a parameter map, or Cognito's "Missing required parameter" error. */
    static String requiredParameter(Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        if (value == null || value.isEmpty()) {
            throw CognitoException.invalidParameter("Missing required parameter " + key);
        }
        return value;
    }

    /**
     * The attribute list {@code name} ({@code [{"Name": ..., "Value": ...}]}, as in {@code UserAttributes}) as a
     * map in the order given; empty if absent.
     */
    Map<String, String> attributeList(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonValue item : array(name)) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw CognitoException.serialization("Items of " + name + " must be objects");
            }
            Request attribute = new Request(item.asJsonObject());
            out.put(attribute.required("Name"), attribute.optional("Value").orElse(""));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The string list {@code name} ({@code UserAttributeNames}); empty if absent. */
    java.util.List<String> stringList(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonValue item : array(name)) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw CognitoException.serialization("Items of " + name + " must be strings");
            }
            out.add(((JsonString) item).getString());
        }
        return java.util.List.copyOf(out);
    }

    private jakarta.json.JsonArray array(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw CognitoException.serialization("Member " + name + " must be an array");
        }
        return value.asJsonArray();
    }

    private static String camelCase(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
