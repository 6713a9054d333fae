package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured
public class NotAnInterfaceClass {

    @GraphQL("query Ping { ping }")
    public String ping(@Var("unused") String unused) {
        return unused;
    }
}
