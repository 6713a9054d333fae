package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface SubscriptionNotPublisher {

    @GraphQL("subscription OnAdded { added { id } }")
    String added();
}
