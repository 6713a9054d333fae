package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface TypeDefinition {

    @GraphQL("query Ping { ping } type Query { ping: String }")
    String ping();
}
