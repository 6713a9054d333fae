package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(schema = "schema/broken.graphqls")
public interface BrokenSchema {

    @GraphQL("query List { listTodos { id } }")
    Object listTodos();
}
