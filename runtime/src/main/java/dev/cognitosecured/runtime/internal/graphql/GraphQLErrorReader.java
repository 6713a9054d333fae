package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.GraphQLError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the {@code errors} of a GraphQL response into {@link GraphQLError}s: the message, AppSync's
 * {@code errorType} (or {@code extensions.classification}), the path and the extensions. Messages
 * are scrubbed of anything that looks like a token.
 */
public final class GraphQLErrorReader {

    private GraphQLErrorReader() {
    }

    public static List<GraphQLError> read(JsonArray errors, String sentToken) {
        List<GraphQLError> read = new ArrayList<>(errors.size());
        for (JsonValue error : errors) {
            read.add(error.getValueType() == JsonValue.ValueType.OBJECT
                    ? error(error.asJsonObject(), sentToken)
                    : new GraphQLError(BodyExcerpt.scrub(text(error), sentToken), Optional.empty(), List.of(),
                            Map.of()));
        }
        return read;
    }

    private static GraphQLError error(JsonObject error, String sentToken) {
        JsonValue message = error.get("message");
        Map<String, Object> extensions = extensions(error.get("extensions"));
        Optional<String> errorType = string(error.get("errorType"))
                .or(() -> Optional.ofNullable(extensions.get("classification"))
                        .filter(String.class::isInstance).map(String.class::cast));
        return new GraphQLError(
                message == null ? "(no message)" : BodyExcerpt.scrub(text(message), sentToken),
                errorType, path(error.get("path")), extensions);
    }

    private static Optional<String> string(JsonValue value) {
        return value instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static List<Object> path(JsonValue path) {
        if (path == null || path.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return PlainJson.array(path.asJsonArray()).stream().filter(Objects::nonNull).toList();
    }

    /** The extensions, without top-level {@code null} members (a {@link GraphQLError} holds none). */
    private static Map<String, Object> extensions(JsonValue extensions) {
        if (extensions == null || extensions.getValueType() != JsonValue.ValueType.OBJECT) {
            return Map.of();
        }
        Map<String, Object> present = new LinkedHashMap<>();
        PlainJson.object(extensions.asJsonObject()).forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return present;
    }
}
