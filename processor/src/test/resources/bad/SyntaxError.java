package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured
public interface SyntaxError {

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title }")
    String get(@Var("id") String id);
}
