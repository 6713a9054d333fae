package dev.cognitosecured.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentNamesTest {

    @Test
    void keysOfTheDefaultPoolMapToUpperCaseWithUnderscores() {
        assertEquals("COGNITO_SECURED_USER_POOL_ID", EnvironmentNames.of("cognito-secured.user-pool-id"));
        assertEquals("COGNITO_SECURED_GRAPHQL_ENDPOINT", EnvironmentNames.of("cognito-secured.graphql.endpoint"));
    }

    @Test
    void keysOfANamedPoolKeepThePoolNameAsAWord() {
        assertEquals("COGNITO_SECURED_POOLS_PARTNERS_CLIENT_ID",
                EnvironmentNames.of("cognito-secured.pools.partners.client-id"));
        assertEquals("COGNITO_SECURED_POOLS_B2B_2_REGION", EnvironmentNames.of("cognito-secured.pools.b2b-2.region"));
    }

    @Test
    void candidatesFollowMicroProfileConfigOrder() {
        assertEquals(List.of("cognito-secured.client-id", "cognito_secured_client_id", "COGNITO_SECURED_CLIENT_ID"),
                EnvironmentNames.candidates("cognito-secured.client-id"));
    }

    @Test
    void candidatesDoNotRepeatANameThatNeedsNoMapping() {
        assertEquals(List.of("REGION"), EnvironmentNames.candidates("REGION"));
        assertEquals(List.of("region", "REGION"), EnvironmentNames.candidates("region"));
    }
}
