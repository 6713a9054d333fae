package dev.cognitosecured.it.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A part qualified {@code @AuthFlow(pool)} serves that pool and wins over the {@code @Default} one,
 * which serves the other pools.
 */
@CognitoWeldTest
class ReplaceablePartsTest {

    private static TestConfig config;

    @BeforeAll
    static void configure() {
        config = TestConfig.defaultPool(
                "cognito-secured.prefetch", "0s",
                "cognito-secured.pools.partners.region", "eu-west-1",
                "cognito-secured.pools.partners.user-pool-id", "eu-west-1_Partners",
                "cognito-secured.pools.partners.client-id", "partners-client",
                "cognito-secured.pools.partners.prefetch", "0s");
    }

    @AfterAll
    static void clear() {
        config.close();
    }

    @Inject
    @AuthFlow("partners")
    SignIn partnersSignIn;

    @Inject
    @AuthFlow("partners")
    SessionStore partnersStore;

    @Inject
    @AuthFlow
    SignIn defaultSignIn;

    @Inject
    @AuthFlow
    SessionStore defaultStore;

    @Inject
    @AuthFlow("partners")
    PartnersClock partnersClock;

    @Inject
    FakeClock defaultClock;

    @Test
    void thePoolsOwnClockDecidesItsExpiry() {
        partnersSignIn.start("carol", "right".toCharArray());
        String first = partnersStore.tokens(Duration.ZERO).accessToken();

        defaultClock.advance(Duration.ofHours(2));
        assertEquals(first, partnersStore.tokens(Duration.ZERO).accessToken());

        partnersClock.advance(Duration.ofHours(2));
        assertEquals("access-carol-2", partnersStore.tokens(Duration.ZERO).accessToken());
    }

    @Test
    void theDefaultClockServesThePoolsWithoutTheirOwn() {
        defaultSignIn.start("dave", "right".toCharArray());
        String first = defaultStore.tokens(Duration.ZERO).accessToken();

        partnersClock.advance(Duration.ofHours(2));
        assertEquals(first, defaultStore.tokens(Duration.ZERO).accessToken());

        defaultClock.advance(Duration.ofHours(2));
        assertEquals("access-dave-2", defaultStore.tokens(Duration.ZERO).accessToken());
    }
}
