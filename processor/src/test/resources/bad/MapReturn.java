package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.Map;

@CognitoSecured
public interface MapReturn {

    @GraphQL("query Items { items { id } }")
    Map<String, Object> items();
}
