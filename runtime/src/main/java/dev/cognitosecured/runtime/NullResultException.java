package dev.cognitosecured.runtime;

import java.util.Objects;

/**
 * The server answered {@code null} for the result of a method that returns a primitive
 * ({@code int}, {@code boolean}, {@code long}, ...), which cannot hold it: the GraphQL schema declares
 * the field nullable and the Java method does not. The answer itself was a well-formed GraphQL
 * response without errors (an answer with {@code errors} is a {@link GraphQLErrorsException}).
 *
 * <p>Its own type, rather than a {@link TransportException}, because what to do differs: the network
 * and the server worked, and trying again gives the same answer. Either {@code null} is a legal
 * answer, and then the method should say so (declare the wrapper, {@code Integer}, or
 * {@code Optional<Integer>}, as the message names for the method's primitive), or it is not, and the
 * field should be non-null in the schema ({@code Int!} for an {@code int}).
 */
public final class NullResultException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /** The operation, as {@code Interface.method}. */
    private final String operation;
    /** The field whose value was {@code null}, e.g. {@code data.countTodos}. */
    private final String field;

    /**
     * The exception for a {@code null} answer to {@code operation}, whose method returns {@code primitive}.
     *
     * @param operation the operation, as {@code Interface.method}
     * @param field the field whose value was {@code null}, e.g. {@code data.countTodos}
     * @param primitive the primitive the method returns, e.g. {@code int}
     */
    public NullResultException(String operation, String field, String primitive) {
        super("GraphQL operation " + Objects.requireNonNull(operation, "operation") + ": the server answered "
                + Objects.requireNonNull(field, "field") + " = null, but the method returns " + primitive
                + ", which cannot hold null. If null is a legal answer, declare the method to return "
                + wrapper(primitive) + " or Optional<" + wrapper(primitive) + ">; if it is not, make the field"
                + " non-null in the schema or find why the server answers null.");
        this.operation = operation;
        this.field = field;
    }

    /** {@return the operation, as {@code Interface.method}} */
    public String operation() {
        return operation;
    }

    /** {@return the field whose value was {@code null}, e.g. {@code data.countTodos}} */
    public String field() {
        return field;
    }

    private static String wrapper(String primitive) {
        return switch (primitive) {
            case "int" -> "Integer";
            case "char" -> "Character";
            default -> Character.toUpperCase(primitive.charAt(0)) + primitive.substring(1);
        };
    }
}
