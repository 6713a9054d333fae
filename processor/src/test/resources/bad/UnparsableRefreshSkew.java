package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured(
        refreshSkew = "soon")
public interface UnparsableRefreshSkew {

    @GraphQL("query Ping { ping }")
    String ping();
}
