package dev.cognitosecured.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.UserPool;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CognitoSecuredPropertiesTest {

    private final LocalCognito cognito = LocalCognito.builder().region("eu-west-1").start();
    private final UserPool pool = cognito.createPool();
    private final AppClient client = cognito.createClient(pool, true);
    private final CognitoSecuredProperties properties = CognitoSecuredProperties.of(cognito, pool, client,
            Optional.of(URI.create("http://127.0.0.1:9/graphql")));

    @AfterEach
    void close() {
        cognito.close();
    }

    @Test
    void namesEveryKeyOfTheDefaultPoolInOrder() {
        assertEquals(List.of("cognito-secured.endpoint", "cognito-secured.region", "cognito-secured.user-pool-id",
                "cognito-secured.client-id", "cognito-secured.client-secret", "cognito-secured.graphql.endpoint"),
                List.copyOf(properties.asMap().keySet()));
        assertEquals("eu-west-1", properties.asMap().get("cognito-secured.region"));
        assertEquals(client.clientSecret(), properties.get("client-secret"));
        assertEquals(Optional.of(client.clientId()), properties.get("cognito-secured.client-id"));
        assertEquals(Optional.empty(), properties.get("auth-flow"));
    }

    @Test
    void namesTheSameValuesForANamedPool() {
        assertEquals(pool.id(), properties.asMapForPool("partners").get("cognito-secured.pools.partners.user-pool-id"));
        assertThrows(IllegalArgumentException.class, () -> properties.asMapForPool(""));
        assertThrows(IllegalArgumentException.class, () -> properties.asMapForPool("a.b"));
    }

    @Test
    void toStringHidesTheClientSecret() {
        String text = properties.toString();

        assertFalse(text.contains(client.clientSecret().orElseThrow()), text);
        assertTrue(text.contains("cognito-secured.client-secret=***"), text);
        assertTrue(text.contains("cognito-secured.client-id=" + client.clientId()), text);
    }

    @Test
    void refusesAClientOfAnotherPool() {
        UserPool other = cognito.createPool();

        assertThrows(IllegalArgumentException.class,
                () -> CognitoSecuredProperties.of(cognito, other, client, Optional.empty()));
    }
}
