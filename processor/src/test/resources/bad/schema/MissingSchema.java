package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(schema = "schema/nowhere.graphqls")
public interface MissingSchema {

    @GraphQL("query List { listTodos { id } }")
    Object listTodos();
}
