package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface SchemaViolation {

    @GraphQL("query Get($id: String!) { getTodo(id: $id) { id } }")
    Object getTodo(@Var("id") String id);
}
