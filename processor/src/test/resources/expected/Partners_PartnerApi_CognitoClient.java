package com.example.partners;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SecuredCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

@Generated("dev.cognitosecured.processor.CognitoSecuredProcessor")
@ApplicationScoped
public class Partners_PartnerApi_CognitoClient implements Partners.PartnerApi {
    private static final CallPolicy POLICY = CallPolicy.idToken()
            .refreshSkew(Duration.ofMinutes(1))
            .replays(0);

    private static final Operation<List<Partners.Partner>> LIST_PARTNERS = Operation.query("Partners.PartnerApi.listPartners",
            "# The partners of one region.\n"
            + "query ListPartners($region: String!) {\n"
            + "  listPartners(region: $region) {\n"
            + "    id\n"
            + "    name\n"
            + "  }\n"
            + "}\n")
            .rootField("listPartners")
            .variables("region")
            .policy(POLICY)
            .returning(new GenericType<List<Partners.Partner>>() {});

    private static final Operation<Partners.Partner[]> PARTNERS_BY_IDS = Operation.query("Partners.PartnerApi.partnersByIds",
            "query ByIds($ids: [ID!]!) { partnersByIds(ids: $ids) { id name } }")
            .rootField("partnersByIds")
            .variables("ids")
            .policy(POLICY)
            .returning(Partners.Partner[].class);

    private final SecuredCaller caller;

    /**
     * For CDI's client proxy only.
     */
    protected Partners_PartnerApi_CognitoClient() {
        this.caller = null;
    }

    @Inject
    public Partners_PartnerApi_CognitoClient(@AuthFlow("partners") SecuredCaller caller) {
        this.caller = caller;
    }

    @Override
    public List<Partners.Partner> listPartners(String region) {
        return caller.call(LIST_PARTNERS, region);
    }

    @Override
    public Partners.Partner[] partnersByIds(String... ids) {
        return caller.call(PARTNERS_BY_IDS, (Object) ids);
    }
}
