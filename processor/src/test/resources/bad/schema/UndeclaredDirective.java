package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(schema = "schema/undeclared-directive.graphqls")
public interface UndeclaredDirective {

    @GraphQL("query Get { getTodo(id: \"1\") { id } }")
    Object getTodo();
}
