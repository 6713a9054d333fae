package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

public class InaccessibleEnclosing {

    private static final class Hidden {

        @CognitoSecured
        interface VisibleApiInHiddenClass {

            @GraphQL("query Ping { ping }")
            String ping();
        }
    }
}
