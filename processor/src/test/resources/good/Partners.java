package com.example.partners;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.List;

public final class Partners {

    private Partners() {
    }

    public record Partner(String id, String name) {
    }

    @CognitoSecured(pool = "partners", token = CognitoSecured.TokenKind.ID, refreshSkew = "PT1M",
            retryOnUnauthorized = 0)
    public interface PartnerApi {

        @GraphQL(resource = "good/graphql/listPartners.graphql")
        List<Partner> listPartners(@Var("region") String region);

        @GraphQL("query ByIds($ids: [ID!]!) { partnersByIds(ids: $ids) { id name } }")
        Partner[] partnersByIds(@Var("ids") String... ids);
    }
}
