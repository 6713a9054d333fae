package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.List;

@CognitoSecured
public interface RawList {

    @SuppressWarnings("rawtypes")
    @GraphQL("query Items { items { id } }")
    List items();
}
