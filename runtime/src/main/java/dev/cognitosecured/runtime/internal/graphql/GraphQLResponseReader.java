package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.GraphQLError;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.NullResultException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one HTTP answer (status and body) into the operation's result or the matching exception:
 * {@link UnauthorizedException} for 401 (marked {@linkplain UnauthorizedException#tokenExpired() expired}
 * when the server's first error says {@code Token has expired.}), {@link GraphQLErrorsException} for a successful answer with
 * {@code errors}, {@link NullResultException} for a {@code null} result of a method that returns a
 * primitive, {@link TransportException} for anything that is not a GraphQL response or does not
 * bind to the result type.
 *
 * <p>A successful answer is read once: JSON-B parses the body and binds {@code data.<rootField>} as
 * it goes ({@link GraphQLAnswerDeserializer}). Only an answer that is not a plain success (errors, no
 * data, no root field, a value that does not bind) is parsed again as a JSON-P tree, to say exactly
 * what is wrong.
 */
public final class GraphQLResponseReader {

    private static final int UNAUTHORIZED = 401;

    /** The message of AppSync's 401 for a token whose {@code exp} has passed. */
    private static final String TOKEN_EXPIRED = "Token has expired.";

    private final Jsonb jsonb;
    private final JsonReaderFactory readers;

    /** A reader that binds with {@code jsonb}. */
    public GraphQLResponseReader(Jsonb jsonb) {
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
        this.readers = JsonProvider.provider().createReaderFactory(Map.of());
    }

    /**
     * The operation's result from one HTTP answer, or the exception that says why there is none.
     *
     * @param status the HTTP status
     * @param body the body, {@code ""} for none
     * @param sentToken the token the request was sent with, scrubbed from every message
     */
    public <T> T read(GraphQLOperation<T> operation, int status, String body, String sentToken) {
        if (status == UNAUTHORIZED) {
            Optional<GraphQLError> reason = firstError(body, sentToken);
            boolean expired = reason.filter(error -> error.message().strip().equals(TOKEN_EXPIRED)).isPresent();
            throw new UnauthorizedException("GraphQL operation " + operation.name() + " was rejected with HTTP 401: "
                    + rejection(reason, body, sentToken), status, expired, null);
        }
        if (status < 200 || status > 299) {
            throw new TransportException("GraphQL operation " + operation.name() + " failed with HTTP " + status
                    + ": " + BodyExcerpt.of(body, sentToken), status, null);
        }
        RuntimeException bindFailure = null;
        GraphQLAnswer answer = null;
        if (!body.isBlank()) {
            try {
                answer = GraphQLAnswer.reading(operation, () -> jsonb.fromJson(body, GraphQLAnswer.class));
            } catch (RuntimeException e) {
                bindFailure = e;
            }
        }
        if (answer == null || !answer.isPlainSuccess()) {
            throw whyNotASuccess(operation, status, body, sentToken, bindFailure);
        }
        if (answer.result() == null && operation.resultType() instanceof Class<?> type && type.isPrimitive()) {
            throw new NullResultException(operation.name(),
                    operation.rootField().map(field -> "data." + field).orElse("data"), type.getName());
        }
        @SuppressWarnings("unchecked") // bound by JSON-B to the operation's result type
        T result = (T) answer.result();
        return result;
    }

    /** The exception for a 2xx answer that was not a plain success, from the body parsed as a tree. */
    private RuntimeException whyNotASuccess(GraphQLOperation<?> operation, int status, String body, String sentToken,
            RuntimeException bindFailure) {
        Optional<JsonObject> parsed = parse(body);
        if (parsed.isEmpty()) {
            return new TransportException("GraphQL operation " + operation.name() + ": the HTTP " + status
                    + " answer is not a complete JSON object: " + BodyExcerpt.of(body, sentToken), status, null);
        }
        JsonObject response = parsed.get();
        JsonValue data = response.get("data");
        JsonValue errors = response.get("errors");
        if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY && !errors.asJsonArray().isEmpty()) {
            return errors(operation, errors.asJsonArray(), data, sentToken);
        }
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT
                || (errors != null && errors.getValueType() != JsonValue.ValueType.ARRAY)) {
            return new TransportException("GraphQL operation " + operation.name() + ": the HTTP " + status
                    + " answer is not a GraphQL response (no data object and no errors): "
                    + BodyExcerpt.of(body, sentToken), status, null);
        }
        String what = "data";
        if (operation.rootField().isPresent()) {
            String field = operation.rootField().get();
            what = "data." + field;
            if (!data.asJsonObject().containsKey(field)) {
                return new TransportException("GraphQL operation " + operation.name() + ": the answer's data has no"
                        + " field " + field + " (fields: " + BodyExcerpt.of(data.asJsonObject().keySet().toString(),
                        sentToken) + ")", status, null);
            }
        }
        return new TransportException("GraphQL operation " + operation.name() + ": " + what
                + " does not bind to " + operation.resultType().getTypeName(), status, bindFailure);
    }

    private static GraphQLErrorsException errors(GraphQLOperation<?> operation, JsonArray errors, JsonValue data,
            String sentToken) {
        List<GraphQLError> read = GraphQLErrorReader.read(errors, sentToken);
        Optional<Object> partial = data == null || data.getValueType() == JsonValue.ValueType.NULL
                ? Optional.empty()
                : Optional.ofNullable(PlainJson.of(data));
        return new GraphQLErrorsException(operation.name(), read, partial);
    }

    /** The first of the errors a 401's body names, if it is a GraphQL response with errors. */
    private Optional<GraphQLError> firstError(String body, String sentToken) {
        return parse(body)
                .map(response -> response.get("errors"))
                .filter(errors -> errors.getValueType() == JsonValue.ValueType.ARRAY && !errors.asJsonArray().isEmpty())
                .map(errors -> GraphQLErrorReader.read(errors.asJsonArray(), sentToken).get(0));
    }

    /** What the server said when it rejected the token: its first error, else an excerpt of the body. */
    private static String rejection(Optional<GraphQLError> first, String body, String sentToken) {
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
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException
                | NumberFormatException e) { // a number whose exponent does not fit in BigDecimal: 1e99999999999
            return Optional.empty();
        }
    }
}
