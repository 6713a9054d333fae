package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.concurrent.Flow;

@CognitoSecured
public interface SubscriptionTwoRootFields {

    @GraphQL("subscription OnChange { added { id } removed { id } }")
    Flow.Publisher<String> changes();
}
