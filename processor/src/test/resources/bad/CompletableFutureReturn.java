package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.concurrent.CompletableFuture;

@CognitoSecured
public interface CompletableFutureReturn {

    @GraphQL("query Ping { ping }")
    CompletableFuture<String> ping();
}
