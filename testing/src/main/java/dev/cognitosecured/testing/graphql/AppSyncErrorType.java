package dev.cognitosecured.testing.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;

/**
 * The {@code errorType} of an error that AppSync itself or a resolver raised ({@code Unauthorized},
 * or what a {@link ResolverError} names). Such errors are written in AppSync's shape by
 * {@link ErrorEntries}.
 *
 * @param name the {@code errorType}
 */
record AppSyncErrorType(String name) implements ErrorClassification {

    /** A field the caller's groups may not read. */
    static final AppSyncErrorType UNAUTHORIZED = new AppSyncErrorType("Unauthorized");

    @Override
    public Object toSpecification(GraphQLError error) {
        return name;
    }
}
