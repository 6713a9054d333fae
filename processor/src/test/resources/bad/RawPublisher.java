package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.concurrent.Flow;

@CognitoSecured
public interface RawPublisher {

    @SuppressWarnings("rawtypes")
    @GraphQL("subscription OnAdded { added { id } }")
    Flow.Publisher added();
}
