package com.example.board;

import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

public interface Lookup<T> {

    @GraphQL("query Find($id: ID!) { item(id: $id) { id } }")
    T find(@Var("id") String id);
}
