package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface AnonymousOperation {

    @GraphQL(value = "{ ping } query Pong { pong }", operationName = "Pong")
    String pong();
}
