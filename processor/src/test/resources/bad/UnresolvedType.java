package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface UnresolvedType {

    @GraphQL("query Ping { ping }")
    NotGeneratedByAnyone ping();
}
