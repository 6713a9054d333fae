package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured
public interface UnboundVariable {

    @GraphQL("query Get($id: ID!, $full: Boolean) { get(id: $id, full: $full) { id } }")
    String get(@Var("id") String id);
}
