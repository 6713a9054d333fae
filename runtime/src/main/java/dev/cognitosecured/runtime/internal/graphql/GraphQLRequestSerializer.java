package dev.cognitosecured.runtime.internal.graphql;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.util.Map;

/**
 * Writes a {@link GraphQLRequestBody.Request} with the generator JSON-B hands it: the document,
 * the operation name if any, and each variable, a {@code null} as JSON {@code null} and any other
 * value serialized by JSON-B in place (no intermediate string). Public only because JSON-B
 * implementations instantiate it by reflection.
 */
public final class GraphQLRequestSerializer implements JsonbSerializer<GraphQLRequestBody.Request> {

    /** For the JSON-B implementation. */
    public GraphQLRequestSerializer() {
    }

    @Override
    public void serialize(GraphQLRequestBody.Request request, JsonGenerator json, SerializationContext context) {
        json.writeStartObject();
        json.write("query", request.operation().document());
        request.operation().operationName().ifPresent(name -> json.write("operationName", name));
        json.writeStartObject("variables");
        for (Map.Entry<String, Object> variable : request.variables().entrySet()) {
            String name = variable.getKey();
            Object value = variable.getValue();
            if (value == null) {
                json.writeNull(name);
                continue;
            }
            try {
                context.serialize(name, value, json);
            } catch (JsonbException e) {
                throw new IllegalArgumentException("GraphQL operation " + request.operation().name()
                        + ": JSON-B cannot write variable $" + name + " of type " + value.getClass().getName(), e);
            }
        }
        json.writeEnd();
        json.writeEnd();
    }
}
