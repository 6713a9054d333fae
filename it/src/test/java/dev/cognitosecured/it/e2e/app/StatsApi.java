package dev.cognitosecured.it.e2e.app;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

/**
 * A field only the {@code admins} group may read: anybody else gets AppSync's field-level
 * {@code Unauthorized} error in an HTTP 200, a permission denial that no refresh would change.
 */
@CognitoSecured(refreshSkew = "2s", retryOnUnauthorized = 1, schema = "e2e/todo.graphqls")
public interface StatsApi {

    @GraphQL("query Stats { stats { open done } }")
    Stats stats();
}
