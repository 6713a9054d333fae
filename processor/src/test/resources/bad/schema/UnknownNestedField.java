package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface UnknownNestedField {

    @GraphQL("query List { listTodos { id owner { nickname } } }")
    Object listTodos();
}
