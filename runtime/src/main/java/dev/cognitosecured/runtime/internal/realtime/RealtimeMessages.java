package dev.cognitosecured.runtime.internal.realtime;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.stream.Collectors;

/** The messages of AppSync's real-time protocol, written and read with JSON-P. */
final class RealtimeMessages {

    private RealtimeMessages() {
    }

    static String connectionInit() {
        return "{\"type\":\"connection_init\"}";
    }

    /**
     * {@code start} of subscription {@code id}: {@code data} is the JSON text of
     * {@code {query, variables}}, authorized by {@code authorization} for {@code host}.
     */
    static String start(String id, String data, String host, String authorization) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("type", "start")
                .add("payload", Json.createObjectBuilder()
                        .add("data", data)
                        .add("extensions", Json.createObjectBuilder()
                                .add("authorization", Json.createObjectBuilder()
                                        .add("host", host)
                                        .add("Authorization", authorization))))
                .build().toString();
    }

    static String stop(String id) {
        return Json.createObjectBuilder().add("id", id).add("type", "stop").build().toString();
    }

    /** A string member, or {@code ""}. */
    static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString text ? text.getString() : "";
    }

    /** The {@code errorType}s of a payload's {@code errors}, for messages (never the server's text). */
    static String errorTypes(JsonObject payload) {
        if (!(payload.get("errors") instanceof JsonArray errors) || errors.isEmpty()) {
            return "no errors given";
        }
        return errors.stream()
                .map(error -> error instanceof JsonObject object ? string(object, "errorType") : "")
                .map(type -> type.isEmpty() ? "(no errorType)" : type)
                .collect(Collectors.joining(", "));
    }

    /**
     * Whether the server said the token was not accepted (expired, invalid, missing): AppSync's
     * {@code UnauthorizedException}, not its {@code Unauthorized}, which denies a field to a valid token.
     */
    static boolean unauthorized(JsonObject payload) {
        if (!(payload.get("errors") instanceof JsonArray errors)) {
            return false;
        }
        for (JsonValue error : errors) {
            if (error instanceof JsonObject object) {
                String type = string(object, "errorType").toLowerCase(Locale.ROOT);
                String message = string(object, "message").toLowerCase(Locale.ROOT);
                if (type.equals("unauthorizedexception") || type.contains("unauthenticated") || type.equals("401")
                        || message.contains("token has expired") || message.contains("authorization header")) {
                    return true;
                }
            }
        }
        return false;
    }
}
