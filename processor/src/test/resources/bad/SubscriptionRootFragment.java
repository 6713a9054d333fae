package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.concurrent.Flow;

@CognitoSecured
public interface SubscriptionRootFragment {

    @GraphQL("subscription OnAdded { ...Root } fragment Root on Subscription { added { id } }")
    Flow.Publisher<String> added();
}
