package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.List;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface UnselectedNestedProperty {

    record Owner(String name, String email) {
    }

    record Todo(String id, Owner owner) {
    }

    @GraphQL("query List { listTodos { id owner { name } } }")
    List<Todo> listTodos();
}
