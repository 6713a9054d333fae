package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.GraphQLError;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.client.Operation;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Turns one HTTP answer (status and body) into the operation's result or the matching exception:
 * {@link UnauthorizedException} for 401, {@link GraphQLErrorsException} for a successful answer with
 * {@code errors}, {@link TransportException} for anything that is not a GraphQL response or does not
 * bind to the result type.
 */
final class GraphQLResponseReader {

    private static final int UNAUTHORIZED = 401;

    private final Jsonb jsonb;
    private final JsonReaderFactory readers;

    GraphQLResponseReader(Jsonb jsonb, JsonReaderFactory readers) {
        this.jsonb = jsonb;
        this.readers = readers;
    }

    <T> T read(Operation<T> operation, int status, String body, String sentToken) {
        if (status == UNAUTHORIZED) {
            throw new UnauthorizedException("GraphQL operation " + operation.name() + " was rejected with HTTP 401: "
                    + rejection(body, sentToken), status);
        }
        if (status < 200 || status > 299) {
            throw new TransportException("GraphQL operation " + operation.name() + " failed with HTTP " + status
                    + ": " + BodyExcerpt.of(body, sentToken), status, null);
        }
        JsonObject response = parse(body).orElseThrow(() -> new TransportException("GraphQL operation "
                + operation.name() + ": the HTTP " + status + " answer is not a complete JSON object: "
                + BodyExcerpt.of(body, sentToken), status, null));
        JsonValue data = response.get("data");
        JsonValue errors = response.get("errors");
        if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY && !errors.asJsonArray().isEmpty()) {
            throw errors(operation, errors.asJsonArray(), data, sentToken);
        }
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT
                || (errors != null && errors.getValueType() != JsonValue.ValueType.ARRAY)) {
            throw new TransportException("GraphQL operation " + operation.name() + ": the HTTP " + status
                    + " answer is not a GraphQL response (no data object and no errors): "
                    + BodyExcerpt.of(body, sentToken), status, null);
        }
        return bind(operation, data.asJsonObject(), status);
    }

    private <T> T bind(Operation<T> operation, JsonObject data, int status) {
        if (operation.returnsNothing()) {
            return null;
        }
        JsonValue result = data;
        String what = "data";
        if (operation.rootField().isPresent()) {
            String field = operation.rootField().get();
            what = "data." + field;
            result = data.get(field);
            if (result == null) {
                throw new TransportException("GraphQL operation " + operation.name() + ": the answer's data has no"
                        + " field " + field + " (fields: " + data.keySet() + ")", status, null);
            }
        }
        if (result.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Type type = operation.resultType().getType();
        try {
            return jsonb.fromJson(result.toString(), type);
        } catch (RuntimeException e) {
            throw new TransportException("GraphQL operation " + operation.name() + ": " + what
                    + " does not bind to " + type.getTypeName(), status, e);
        }
    }

    private static GraphQLErrorsException errors(Operation<?> operation, JsonArray errors, JsonValue data,
            String sentToken) {
        List<GraphQLError> read = GraphQLErrorReader.read(errors, sentToken);
        Optional<Object> partial = data == null || data.getValueType() == JsonValue.ValueType.NULL
                ? Optional.empty()
                : Optional.ofNullable(PlainJson.of(data));
        return new GraphQLErrorsException(operation.name(), read, partial);
    }

    /** What the server said when it rejected the token: its first error, else an excerpt of the body. */
    private String rejection(String body, String sentToken) {
        Optional<GraphQLError> first = parse(body)
                .map(response -> response.get("errors"))
                .filter(errors -> errors.getValueType() == JsonValue.ValueType.ARRAY && !errors.asJsonArray().isEmpty())
                .map(errors -> GraphQLErrorReader.read(errors.asJsonArray(), sentToken).get(0));
        if (first.isEmpty()) {
            return BodyExcerpt.of(body, sentToken);
        }
        GraphQLError error = first.get();
        return BodyExcerpt.of(error.errorType().map(type -> "[" + type + "] ").orElse("") + error.message(),
                sentToken);
    }

    /** The body as a JSON object, or empty if it is blank, not JSON, or JSON of another kind. */
    private Optional<JsonObject> parse(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = readers.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
