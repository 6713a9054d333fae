package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured
public interface GenericMethod {

    @GraphQL("query Item($id: ID!) { item(id: $id) { id } }")
    <T> T item(@Var("id") String id);
}
