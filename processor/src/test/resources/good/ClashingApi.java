package com.example.clash;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

/**
 * Names a careless client would get wrong: nested types named like its imports, a parameter named
 * caller, a method named policy; and an abstract redeclaration of Object's toString, which is left alone.
 */
@CognitoSecured
public interface ClashingApi {

    record Operation(String id) {
    }

    record List(String id) {
    }

    @GraphQL("query Op($caller: ID!) { operation(id: $caller) { id } }")
    Operation operation(@Var("caller") String caller);

    @GraphQL("query Policy { policy }")
    String policy();

    @GraphQL("query Lists($ids: [ID!]!) { lists(ids: $ids) { id } }")
    java.util.List<List> lists(@Var("ids") java.util.List<String> ids);

    @Override
    String toString();

    @GraphQL("query Counts($ids: [Int!]!) { counts(ids: $ids) }")
    long[] counts(@Var("ids") int[] ids);
}
