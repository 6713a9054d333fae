package dev.cognitosecured.it.e2e.app;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

/**
 * The interface of the slow-network scenario, as the user who reported it wrote it: a 5-second
 * {@code refreshSkew} and one refresh and replay after an HTTP 401.
 */
@CognitoSecured(refreshSkew = "5s", retryOnUnauthorized = 1)
public interface SlowNetworkApi {

    @GraphQL("query Hello($id: ID!) { getTodo(id: $id) { id title done owner } }")
    Todo hello(@Var("id") String id);
}
