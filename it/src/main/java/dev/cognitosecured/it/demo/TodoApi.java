package dev.cognitosecured.it.demo;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.concurrent.Flow;

/**
 * The demo's GraphQL client, against the schema in {@code demo/todo.graphqls}; the annotation
 * processor generates {@code TodoApi_CognitoClient}.
 *
 * <p>Every call goes out with an access token valid for at least 2 more seconds ({@code refreshSkew});
 * an HTTP 401 would be answered by one refresh and one replay ({@code retryOnUnauthorized}), and only
 * then surface as {@link dev.cognitosecured.runtime.UnauthorizedException}.
 */
@CognitoSecured(refreshSkew = "2s", retryOnUnauthorized = 1)
public interface TodoApi {

    @GraphQL("query GetTodo($id: ID!) { getTodo(id: $id) { id title done } }")
    Todo getTodo(@Var("id") String id);

    @GraphQL("mutation AddTodo($title: String!) { addTodo(title: $title) { id title done } }")
    Todo addTodo(@Var("title") String title);

    /** Every to-do added, by anyone, as it is added: a connection replaced before each token expires. */
    @GraphQL("subscription OnAddTodo { onAddTodo { id title done } }")
    Flow.Publisher<Todo> onAddTodo();
}
