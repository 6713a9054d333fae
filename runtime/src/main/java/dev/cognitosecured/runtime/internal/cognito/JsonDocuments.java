package dev.cognitosecured.runtime.internal.cognito;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * JSON text to the AWS SDK's {@link Document} and back, for the WebAuthn APIs whose options and credentials
 * are documents ({@code StartWebAuthnRegistration}'s {@code CredentialCreationOptions},
 * {@code CompleteWebAuthnRegistration}'s {@code Credential}): what the browser gives and takes is JSON text.
 */
public final class JsonDocuments {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonDocuments() {}

    /**
     * The document of the JSON object {@code json}.
     *
     * @throws IllegalArgumentException if {@code json} is not a JSON object (the message does not quote it)
     */
    public static Document fromJson(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return document(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The credential is not a JSON object.");
        }
    }

    /** {@code document} as JSON text. */
    public static String toJson(Document document) {
        return value(document).toString();
    }

    private static Document document(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Document> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((name, member) -> map.put(name, document(member)));
                yield Document.fromMap(map);
            }
            case ARRAY -> {
                List<Document> list = new ArrayList<>();
                ((JsonArray) value).forEach(item -> list.add(document(item)));
                yield Document.fromList(list);
            }
            case STRING -> Document.fromString(((JsonString) value).getString());
            case NUMBER -> Document.fromNumber(((JsonNumber) value).bigDecimalValue());
            case TRUE -> Document.fromBoolean(true);
            case FALSE -> Document.fromBoolean(false);
            case NULL -> Document.fromNull();
        };
    }

    private static JsonValue value(Document document) {
        if (document == null || document.isNull()) {
            return JsonValue.NULL;
        } else if (document.isBoolean()) {
            return document.asBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (document.isString()) {
            return JSON.createValue(document.asString());
        } else if (document.isNumber()) {
            SdkNumber number = document.asNumber();
            return JSON.createValue(number.bigDecimalValue());
        } else if (document.isList()) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            document.asList().forEach(item -> array.add(value(item)));
            return array.build();
        } else {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            document.asMap().forEach((name, member) -> object.add(name, value(member)));
            return object.build();
        }
    }
}
