package dev.cognitosecured.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The server answered the operation with {@code errors}. A field the user may not read
 * (AppSync's {@code errorType: Unauthorized} in an HTTP 200 answer) arrives here, at once: it is a
 * permission denial, and refreshing the token would not change it.
 */
public final class GraphQLErrorsException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    private final transient List<GraphQLError> errors;
    private final transient Optional<Object> data;

    /**
     * The exception for an answer with errors.
     *
     * @param operation the operation, as {@code Interface.method}
     * @param errors the errors the server sent
     * @param data the partial data the server sent beside them, if any
     */
    public GraphQLErrorsException(String operation, List<GraphQLError> errors, Optional<Object> data) {
        super(describe(operation, errors));
        this.errors = List.copyOf(errors);
        this.data = data;
    }

    /** {@return the errors, as the server sent them} */
    public List<GraphQLError> errors() {
        return errors;
    }

    /** {@return the partial {@code data} the server sent beside the errors, as parsed JSON, if any} */
    public Optional<Object> data() {
        return data;
    }

    private static String describe(String operation, List<GraphQLError> errors) {
        StringBuilder text = new StringBuilder("GraphQL operation ").append(operation)
                .append(" failed with ").append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        for (int i = 0; i < Math.min(errors.size(), 3); i++) {
            GraphQLError error = errors.get(i);
            text.append(i == 0 ? ": " : "; ");
            error.errorType().ifPresent(type -> text.append('[').append(type).append("] "));
            text.append(error.message());
        }
        return text.toString();
    }
}
