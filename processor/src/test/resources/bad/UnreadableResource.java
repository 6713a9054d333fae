package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface UnreadableResource {

    @GraphQL(resource = "graphql/missing.graphql")
    String ping();
}
