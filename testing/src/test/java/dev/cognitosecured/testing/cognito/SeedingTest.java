package dev.cognitosecured.testing.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Java API tests seed LocalCognito with, and its refusals of settings that cannot work. */
class SeedingTest {

    private final CognitoFixture f = new CognitoFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void idsHaveCognitosShapes() {
        UserPool pool = f.cognito.createPool();
        AppClient app = f.cognito.createClient(pool, true);

        assertTrue(pool.id().matches("us-east-1_[A-Za-z0-9]{9}"), pool.id());
        assertTrue(app.clientId().matches("[a-z0-9]{26}"), app.clientId());
        assertTrue(app.clientSecret().orElseThrow().matches("[a-z0-9]{51}"));
        assertTrue(f.cognito.createClient(pool, false).clientSecret().isEmpty());
    }

    @Test
    void toStringNeverShowsSecrets() {
        UserPool pool = f.cognito.createPool();
        AppClient app = f.cognito.createClient(pool, true);
        NewUser user = NewUser.withPassword("alice", "Corr3ct-horse").softwareToken("JBSWY3DPEHPK3PXP");

        assertFalse(app.toString().contains(app.clientSecret().orElseThrow()));
        assertFalse(user.toString().contains("Corr3ct-horse"));
        assertFalse(user.toString().contains("JBSWY3DPEHPK3PXP"));
    }

    @Test
    void aFactorTheUserCannotReceiveIsRefused() {
        UserPool pool = f.cognito.createPool();

        assertThrows(IllegalArgumentException.class,
                () -> f.cognito.createUser(pool, NewUser.withPassword("a", "p").withMfa(MfaFactor.SMS_MFA)));
        assertThrows(IllegalArgumentException.class,
                () -> f.cognito.createUser(pool, NewUser.withPassword("b", "p").withMfa(MfaFactor.SOFTWARE_TOKEN_MFA)));
        assertThrows(IllegalArgumentException.class, () -> f.cognito.createUser(pool,
                NewUser.withPassword("c", "p").attribute("email", "c@example.com").preferredMfa(MfaFactor.EMAIL_OTP)));
    }

    @Test
    void aUserExistsOnce() {
        UserPool pool = f.cognito.createPool();
        f.cognito.createUser(pool, "alice", "p");

        assertThrows(IllegalArgumentException.class, () -> f.cognito.createUser(pool, "alice", "q"));
    }

    @Test
    void lifetimesMustBeWholePositiveSeconds() {
        assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.defaults().withAccessTokenValidity(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> ClientSettings.defaults().withAuthSessionValidity(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.defaults().withRefreshTokenRotation(Duration.ofSeconds(61)));
        assertThrows(IllegalArgumentException.class, () -> PoolSettings.defaults().withMfa(MfaConfiguration.ON));
    }

    @Test
    void theManualClockOnlyMovesForward() {
        ManualClock clock = ManualClock.at(Instant.EPOCH);

        assertEquals(Instant.ofEpochSecond(5), clock.advance(Duration.ofSeconds(5)));
        assertEquals(5_000_000_000L, clock.nanoTime());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> clock.set(Instant.EPOCH));
    }
}
