package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface VariableTypeMismatch {

    @GraphQL("query Count($done: Boolean) { countTodos(done: $done) }")
    int countTodos(@Var("done") String done);
}
