package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.List;

@CognitoSecured
public interface WildcardReturn {

    @GraphQL("query Items { items { id } }")
    List<? extends CharSequence> items();
}
