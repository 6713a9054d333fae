package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface MissingGraphQL {

    @GraphQL("query Ping { ping }")
    String ping();

    String pong();
}
