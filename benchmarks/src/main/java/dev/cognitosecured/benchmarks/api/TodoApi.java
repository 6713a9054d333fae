package dev.cognitosecured.benchmarks.api;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.concurrent.CompletionStage;

/**
 * The interface every benchmark calls through: a real {@code @CognitoSecured} interface, compiled by
 * the project's annotation processor into {@code TodoApi_CognitoClient}. Its settings are the
 * library's defaults (30 s refresh skew, one replay after an HTTP 401).
 */
@CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
public interface TodoApi {

    /** The document a hand-written client sends too. */
    String GET_TODO_DOCUMENT = "query Get($id: ID!) { getTodo(id: $id) { id title done } }";

    @GraphQL(GET_TODO_DOCUMENT)
    Todo getTodo(@Var("id") String id);

    @GraphQL(GET_TODO_DOCUMENT)
    CompletionStage<Todo> getTodoAsync(@Var("id") String id);
}
