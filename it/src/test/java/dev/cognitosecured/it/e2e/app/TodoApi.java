package dev.cognitosecured.it.e2e.app;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.concurrent.CompletionStage;

/**
 * The to-do API of the default pool, checked at compile time against the schema LocalGraphQL serves
 * ({@code e2e/todo.graphqls}); the annotation processor generates {@code TodoApi_CognitoClient}.
 *
 * <p>A call is sent with a token valid for at least 2 seconds more ({@code refreshSkew}); an HTTP 401
 * is answered by one refresh and one replay ({@code retryOnUnauthorized}).
 */
@CognitoSecured(refreshSkew = "2s", retryOnUnauthorized = 1, schema = "e2e/todo.graphqls")
public interface TodoApi {

    @GraphQL("query GetTodo($id: ID!) { getTodo(id: $id) { id title done owner } }")
    Todo getTodo(@Var("id") String id);

    @GraphQL("mutation AddTodo($title: String!) { addTodo(title: $title) { id title done owner } }")
    Todo addTodo(@Var("title") String title);

    @GraphQL("query GetTodoLater($id: ID!) { getTodo(id: $id) { id title done owner } }")
    CompletionStage<Todo> getTodoLater(@Var("id") String id);

    @GraphQL("mutation AddTodoLater($title: String!) { addTodo(title: $title) { id title done owner } }")
    CompletionStage<Todo> addTodoLater(@Var("title") String title);

    /** Sends who the caller says it is; the API answers whom the token names, and records both. */
    @GraphQL("query WhoAmI($claimedUser: String!) { whoAmI(claimedUser: $claimedUser) { username } }")
    Caller whoAmI(@Var("claimedUser") String claimedUser);
}
