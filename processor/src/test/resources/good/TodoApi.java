package com.example.todo;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

@CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
public interface TodoApi {

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title done } }")
    Todo getTodo(@Var("id") String id);

    @GraphQL("query List { listTodos { id title done } }")
    List<Todo> listTodos();

    @GraphQL("query Find($title: String!) { findTodo(title: $title) { id title done } }")
    Optional<Todo> findTodo(@Var("title") String title);

    @GraphQL("mutation Delete($id: ID!) { deleteTodo(id: $id) }")
    void deleteTodo(@Var("id") String id);

    @GraphQL("mutation Add($title: String!, $done: Boolean!) { addTodo(done: $done, title: $title) { id title done } }")
    CompletionStage<Todo> addTodo(@Var("title") String title, @Var("done") boolean done);

    @GraphQL("query Count { count: todoCount }")
    int countTodos();

    @GraphQL("subscription OnAdd($done: Boolean) { onAddTodo(done: $done) { id title done } }")
    Flow.Publisher<Todo> onAddTodo(@Var("done") Boolean done);

    default Todo firstTodo() {
        return listTodos().get(0);
    }

    static String describe(Todo todo) {
        return todo.id() + ": " + todo.title();
    }
}
