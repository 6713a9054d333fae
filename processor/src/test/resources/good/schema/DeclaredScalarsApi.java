package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured(schema = "schema/declared.graphqls")
public interface DeclaredScalarsApi {

    record Todo(String id, String due) {
    }

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id due } }")
    Todo getTodo(@Var("id") String id);
}
