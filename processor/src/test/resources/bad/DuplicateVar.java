package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured
public interface DuplicateVar {

    @GraphQL("query Get($id: ID!) { get(id: $id) { id } }")
    String get(@Var("id") String id,
            @Var("id") String again);
}
