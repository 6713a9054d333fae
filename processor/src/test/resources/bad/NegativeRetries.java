package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(
        retryOnUnauthorized = -1)
public interface NegativeRetries {

    @GraphQL("query Ping { ping }")
    String ping();
}
