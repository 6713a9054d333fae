package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

/** A client interface of the default pool, whose client {@link TodoApi_CognitoClient} is written by hand. */
@CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
public interface TodoApi {

    @GraphQL("query Title($id: ID!) { todo(id: $id) { title } }")
    String title(@Var("id") String id);
}
