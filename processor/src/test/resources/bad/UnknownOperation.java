package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface UnknownOperation {

    @GraphQL(value = "query Ping { ping } query Pong { pong }",
            operationName = "Pang")
    String ping();
}
