package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.concurrent.Flow;

@CognitoSecured
public interface SubscriptionRootSkip {

    @GraphQL("subscription OnAdded($quiet: Boolean!) { added @skip(if: $quiet) { id } }")
    Flow.Publisher<String> added(@Var("quiet") boolean quiet);
}
