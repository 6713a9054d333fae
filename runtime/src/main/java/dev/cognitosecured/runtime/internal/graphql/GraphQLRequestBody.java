package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.util.Map;

/**
 * Writes the JSON body of a GraphQL-over-HTTP POST:
 * {@code {"query": ..., "operationName": ..., "variables": {...}}}, all of it with the application's
 * JSON-B: the envelope with JSON-P's generator (in {@link GraphQLRequestSerializer}, so a
 * {@code null} variable is always sent as JSON {@code null}), each variable's value by JSON-B's own
 * serialization, whatever its type.
 */
public final class GraphQLRequestBody {

    private final Jsonb jsonb;

    public GraphQLRequestBody(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * The body for {@code operation} with {@code variables}.
     *
     * @throws IllegalArgumentException if JSON-B cannot write a variable's value
     */
    public String write(GraphQLOperation<?> operation, Map<String, Object> variables) {
        try {
            return jsonb.toJson(new Request(operation, variables));
        } catch (JsonbException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException unwritable) {
                    throw unwritable;
                }
            }
            throw new IllegalArgumentException("GraphQL operation " + operation.name()
                    + ": JSON-B cannot write the request", e);
        }
    }

    /**
     * One request, as {@link GraphQLRequestSerializer} writes it; the annotation makes every JSON-B
     * implementation use that serializer, whatever the application's configuration. A class without
     * properties (no getters, no public fields), so that JSON-B has nothing of it to read by reflection.
     */
    @JsonbTypeSerializer(GraphQLRequestSerializer.class)
    static final class Request {
        private final GraphQLOperation<?> operation;
        private final Map<String, Object> variables;

        Request(GraphQLOperation<?> operation, Map<String, Object> variables) {
            this.operation = operation;
            this.variables = variables;
        }

        GraphQLOperation<?> operation() {
            return operation;
        }

        Map<String, Object> variables() {
            return variables;
        }
    }
}
