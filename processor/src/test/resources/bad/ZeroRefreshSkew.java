package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(
        refreshSkew = "0ms")
public interface ZeroRefreshSkew {

    @GraphQL("query Ping { ping }")
    String ping();
}
