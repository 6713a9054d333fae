package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface AmbiguousOperation {

    @GraphQL("query Ping { ping } query Pong { pong }")
    String ping();
}
