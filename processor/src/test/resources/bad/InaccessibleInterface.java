package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

public class InaccessibleInterface {

    @CognitoSecured
    private interface HiddenApi {

        @GraphQL("query Ping { ping }")
        String ping();
    }
}
