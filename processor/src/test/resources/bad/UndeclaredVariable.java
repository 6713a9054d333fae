package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured
public interface UndeclaredVariable {

    @GraphQL("query Ping { ping }")
    String ping(@Var("id") String id);
}
