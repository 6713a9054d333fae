package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

/** Checked against the schema given by -Acognito.schema, if any. */
@CognitoSecured
public interface OptionTodoApi {

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id titel } }")
    Object getTodo(@Var("id") String id);
}
