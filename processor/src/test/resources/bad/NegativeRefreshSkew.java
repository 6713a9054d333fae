package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(
        refreshSkew = "-30s")
public interface NegativeRefreshSkew {

    @GraphQL("query Ping { ping }")
    String ping();
}
