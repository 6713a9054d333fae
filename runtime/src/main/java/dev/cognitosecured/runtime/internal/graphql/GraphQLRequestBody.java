package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.client.Operation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.util.Map;

/**
 * Writes the JSON body of a GraphQL-over-HTTP POST:
 * {@code {"query": ..., "operationName": ..., "variables": {...}}}. The envelope is written here, so
 * a {@code null} variable is always sent as JSON {@code null}; each variable's value is written
 * with JSON-B.
 */
final class GraphQLRequestBody {

    private final Jsonb jsonb;

    GraphQLRequestBody(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * The body for {@code operation} with {@code variables}.
     *
     * @throws IllegalArgumentException if JSON-B cannot write a variable's value
     */
    String write(Operation<?> operation, Map<String, Object> variables) {
        StringBuilder json = new StringBuilder(operation.document().length() + 64);
        json.append("{\"query\":");
        appendString(json, operation.document());
        operation.operationName().ifPresent(name -> {
            json.append(",\"operationName\":");
            appendString(json, name);
        });
        json.append(",\"variables\":{");
        boolean first = true;
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, variable.getKey());
            json.append(':').append(value(operation, variable.getKey(), variable.getValue()));
        }
        return json.append("}}").toString();
    }

    private String value(Operation<?> operation, String name, Object value) {
        if (value == null) {
            return "null";
        }
        try {
            return jsonb.toJson(value);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("GraphQL operation " + operation.name() + ": JSON-B cannot write"
                    + " variable $" + name + " of type " + value.getClass().getName(), e);
        }
    }

    /** Appends {@code text} as a JSON string (RFC 8259: quote, backslash and control characters escaped). */
    static void appendString(StringBuilder json, String text) {
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
