package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.concurrent.Flow;

@CognitoSecured
public interface PublisherForQuery {

    @GraphQL("query Names { names }")
    Flow.Publisher<String> names();
}
