package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;

@CognitoSecured
public interface GenericInterface<T> {

    @GraphQL("query Item { item { id } }")
    T item();
}
