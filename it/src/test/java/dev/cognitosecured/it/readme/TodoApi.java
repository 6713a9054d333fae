package dev.cognitosecured.it.readme;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

@CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
public interface TodoApi {

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title done } }")
    Optional<Todo> getTodo(@Var("id") String id);

    @GraphQL("query List { listTodos { id title done } }")
    List<Todo> listTodos();

    @GraphQL("mutation Add($title: String!) { addTodo(title: $title) { id title done } }")
    CompletionStage<Todo> addTodo(@Var("title") String title);

    @GraphQL(resource = "graphql/deleteTodo.graphql")   // read at compile time
    void deleteTodo(@Var("id") String id);
}
