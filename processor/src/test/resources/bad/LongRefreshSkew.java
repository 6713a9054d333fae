package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(
        refreshSkew = "5m")
public interface LongRefreshSkew {

    @GraphQL("query Ping { ping }")
    String ping();
}
