package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface DocumentAndResource {

    @GraphQL(value = "query Ping { ping }",
            resource = "good/graphql/listPartners.graphql")
    String ping();
}
