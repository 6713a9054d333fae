package com.example.later;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

/** Uses a type that another processor generates in the first round. */
@CognitoSecured
public interface LaterApi {

    @GraphQL("query Latest { latest { id } }")
    Later latest();
}
