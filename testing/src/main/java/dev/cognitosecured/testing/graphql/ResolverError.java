package dev.cognitosecured.testing.graphql;

import java.util.Objects;

/**
 * Thrown by a data fetcher to fail its field the way an AppSync resolver does with
 * {@code $util.error(message, errorType)}: the field becomes {@code null} and the response carries
 * {@code {"message": message, "errorType": errorType, "path": [...], "locations": [...], ...}}.
 *
 * <pre>{@code
 * .dataFetcher("Mutation", "addTodo", env -> {
 *     throw new ResolverError("DynamoDB:ConditionalCheckFailedException", "The todo exists already");
 * })
 * }</pre>
 *
 * <p>Any other exception thrown by a data fetcher is reported as graphql-java reports it.
 */
public final class ResolverError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The {@code errorType} of the error entry. */
    private final String errorType;

    /**
     * An error a resolver throws, which the kit answers as one error entry.
     *
     * @param errorType the {@code errorType} of the error entry, e.g. {@code "Unauthorized"}
     * @param message the {@code message} of the error entry
     */
    public ResolverError(String errorType, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    /** {@return the {@code errorType} of the error entry} */
    public String errorType() {
        return errorType;
    }
}
