package dev.cognitosecured.it.cdi;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

/** A client of the pool named "partners" ({@code cognito-secured.pools.partners.*}). */
@CognitoSecured(pool = "partners")
public interface PartnerApi {

    @GraphQL("query Partner($id: ID!) { partner(id: $id) { name } }")
    String partnerName(@Var("id") String id);
}
