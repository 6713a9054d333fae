package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface UnselectedProperty {

    record Todo(String id, String title, boolean done) {
    }

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title } }")
    Todo getTodo(@Var("id") String id);
}
