package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface InputRecordMismatch {

    record NewTodo(String titel) {
    }

    @GraphQL("mutation Add($input: AddTodoInput!) { addTodo(input: $input) { id } }")
    void addTodo(@Var("input") NewTodo input);
}
