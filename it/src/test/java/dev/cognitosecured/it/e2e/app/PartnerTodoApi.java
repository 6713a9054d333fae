package dev.cognitosecured.it.e2e.app;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

/**
 * The to-do API of a second pool, {@code partners} ({@code cognito-secured.pools.partners.*}): another
 * user pool, another API endpoint. Used only by tests that configure that pool.
 */
@CognitoSecured(pool = "partners", refreshSkew = "2s", retryOnUnauthorized = 1)
public interface PartnerTodoApi {

    /** Sends who the caller says it is; the API answers whom the token names, and records both. */
    @GraphQL("query WhoAmI($claimedUser: String!) { whoAmI(claimedUser: $claimedUser) { username } }")
    Caller whoAmI(@Var("claimedUser") String claimedUser);
}
