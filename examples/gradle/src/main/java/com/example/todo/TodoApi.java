package com.example.todo;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

/** The application's GraphQL client; the annotation processor generates its implementation. */
@CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1, schema = "graphql/todo.graphqls")
public interface TodoApi {

    @GraphQL("query GetTodo($id: ID!) { getTodo(id: $id) { id title done } }")
    Todo getTodo(@Var("id") String id);
}
