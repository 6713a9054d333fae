package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import jakarta.json.bind.annotation.JsonbProperty;

/** JSON-B annotations may rename components, so such records are not compared with the selection. */
@CognitoSecured(schema = "schema/todo.graphqls")
public interface JsonbRenamedApi {

    record Todo(String id, @JsonbProperty("title") String name) {
    }

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title } }")
    Todo getTodo(@Var("id") String id);
}
