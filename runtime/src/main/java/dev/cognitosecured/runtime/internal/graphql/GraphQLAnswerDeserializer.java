package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Reads a GraphQL response in one pass with the parser JSON-B hands it, and binds
 * {@code data.<rootField>} (or all of {@code data}) straight from that parser with
 * {@link DeserializationContext#deserialize(Type, JsonParser)}: the value is never turned into a
 * tree or a string of its own. Every other member is skipped; {@code errors} are only noted (see
 * {@link GraphQLAnswer}).
 *
 * <p>Why this and not Yasson's {@code YassonJsonb.fromJson(JsonParser, Type)}: a deserializer
 * declared with {@code @JsonbTypeDeserializer} is part of the JSON-B API, so the same code binds in
 * one pass with Yasson (Helidon, Payara, GlassFish, WildFly, Open Liberty) and Johnzon (TomEE), with
 * the application's own {@code Jsonb} and its configuration, and the runtime needs no compile-time
 * dependency on an implementation. The operation being read reaches the deserializer, which JSON-B
 * instantiates itself, through {@link GraphQLAnswer#reading}, on the thread of the {@code fromJson}
 * call. Public only because JSON-B implementations instantiate it by reflection.
 */
public final class GraphQLAnswerDeserializer implements JsonbDeserializer<GraphQLAnswer> {

    /** For the JSON-B implementation. */
    public GraphQLAnswerDeserializer() {
    }

    @Override
    public GraphQLAnswer deserialize(JsonParser parser, DeserializationContext context, Type type) {
        GraphQLOperation<?> operation = GraphQLAnswer.operationBeingRead();
        GraphQLAnswer answer = new GraphQLAnswer();
        while (parser.hasNext()) {
            Event event = parser.next();
            if (event != Event.KEY_NAME) {
                return answer; // the end of the response object
            }
            String member = parser.getString();
            Event value = parser.next();
            if (member.equals("data") && value == Event.START_OBJECT) {
                answer.dataObject();
                readData(parser, context, operation, answer);
            } else if (member.equals("errors") && value == Event.START_ARRAY) {
                Event firstError = parser.next();
                if (firstError != Event.END_ARRAY) {
                    answer.errorsOrOddMembers();
                    skip(parser, firstError);
                    skipRest(parser);
                }
            } else {
                if (member.equals("data") || member.equals("errors")) {
                    answer.errorsOrOddMembers();
                }
                skip(parser, value);
            }
        }
        return answer;
    }

    /** Reads the members of {@code data} (its start read), binding the root field's value. */
    private static void readData(JsonParser parser, DeserializationContext context, GraphQLOperation<?> operation,
            GraphQLAnswer answer) {
        Optional<String> rootField = operation.rootField();
        if (rootField.isEmpty()) {
            answer.bound(operation.resultType() == Void.class ? skipRestAndBindNothing(parser)
                    : context.deserialize(bindable(operation.resultType()), parser));
            return;
        }
        for (Event event = parser.next(); event == Event.KEY_NAME; event = parser.next()) {
            String field = parser.getString();
            Event value = parser.next();
            if (field.equals(rootField.get())) {
                answer.bound(bind(parser, context, operation, value));
            } else {
                skip(parser, value);
            }
        }
    }

    private static Object bind(JsonParser parser, DeserializationContext context, GraphQLOperation<?> operation,
            Event value) {
        if (value == Event.VALUE_NULL) {
            return null;
        }
        if (operation.resultType() == Void.class) {
            skip(parser, value);
            return null;
        }
        return context.deserialize(bindable(operation.resultType()), parser);
    }

    /** {@code type}, or its wrapper if it is a primitive's class: JSON-B binds objects. */
    private static Type bindable(Type type) {
        return type instanceof Class<?> c && c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : type;
    }

    private static Object skipRestAndBindNothing(JsonParser parser) {
        skipRest(parser);
        return null;
    }

    /** Skips the value whose first event was {@code first}. */
    private static void skip(JsonParser parser, Event first) {
        if (first == Event.START_OBJECT || first == Event.START_ARRAY) {
            skipRest(parser);
        }
    }

    /** Skips to the end of the object or array whose start was read. */
    private static void skipRest(JsonParser parser) {
        int depth = 1;
        while (depth > 0) {
            Event event = parser.next();
            if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
                depth++;
            } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
                depth--;
            }
        }
    }
}
