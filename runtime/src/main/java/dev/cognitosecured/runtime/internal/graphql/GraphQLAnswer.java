package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.function.Supplier;

/**
 * What one pass of {@link GraphQLAnswerDeserializer} over a response body found: the bound result,
 * and whether the body was the plain success that lets the result stand (a {@code data} object with
 * the root field, no {@code errors}). Anything else is read again, as a tree, to build the matching
 * exception; that is the rare path.
 */
@JsonbTypeDeserializer(GraphQLAnswerDeserializer.class)
final class GraphQLAnswer {

    /**
     * The operation whose answer the deserializer on this thread is reading. JSON-B creates the
     * deserializer itself and hands it only the parser, a context and the type asked for, so what it
     * must look for comes this way, set and cleared around one synchronous {@code fromJson} call.
     */
    private static final ThreadLocal<GraphQLOperation<?>> READING = new ThreadLocal<>();

    private Object result;
    private boolean dataObject;
    private boolean resultBound;
    private boolean errorsOrOddMembers;

    /** Runs {@code read} (one {@code fromJson} call) with {@code operation} as the one whose answer it reads. */
    static GraphQLAnswer reading(GraphQLOperation<?> operation, Supplier<GraphQLAnswer> read) {
        GraphQLOperation<?> outer = READING.get();
        READING.set(operation);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                READING.remove();
            } else {
                READING.set(outer);
            }
        }
    }

    /** The operation {@link #reading} names. */
    static GraphQLOperation<?> operationBeingRead() {
        GraphQLOperation<?> operation = READING.get();
        if (operation == null) {
            throw new IllegalStateException("a GraphQL answer is read only through GraphQLResponseReader");
        }
        return operation;
    }

    /** Whether the body was a plain success, so that {@link #result()} is the operation's result. */
    boolean isPlainSuccess() {
        return dataObject && resultBound && !errorsOrOddMembers;
    }

    Object result() {
        return result;
    }

    void bound(Object value) {
        this.result = value;
        this.resultBound = true;
    }

    void dataObject() {
        this.dataObject = true;
    }

    /** Errors, or a {@code data} or {@code errors} member of an unexpected kind: read it again as a tree. */
    void errorsOrOddMembers() {
        this.errorsOrOddMembers = true;
    }
}
