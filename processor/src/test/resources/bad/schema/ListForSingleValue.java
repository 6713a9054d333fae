package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.List;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface ListForSingleValue {

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id } }")
    Object getTodo(@Var("id") List<String> ids);
}
