package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(
        retryOnUnauthorized = 6)
public interface TooManyRetries {

    @GraphQL("query Ping { ping }")
    String ping();
}
