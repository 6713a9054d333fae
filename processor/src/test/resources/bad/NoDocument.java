package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface NoDocument {

    @GraphQL(operationName = "Ping")
    String ping();
}
