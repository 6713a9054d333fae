package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface UnknownArgument {

    record Todo(String id, String title) {
    }

    @GraphQL("query Get($id: ID!) { getTodo(id: $id, owner: \"me\") { id title } }")
    Todo getTodo(@Var("id") String id);
}
