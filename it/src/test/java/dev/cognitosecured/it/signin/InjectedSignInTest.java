package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.cdi.CognitoSecuredExtension;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code @AuthFlow SignIn} bean as an application gets it from the CDI extension in Weld SE, configured
 * by {@code cognito-secured.*} keys for LocalCognito with SRP (the default): it answers chained challenges
 * over the pool's own session store, and honours {@code challenge-validity}. LocalCognito's manual clock
 * starts at the current time, since the default identity provider signs SRP timestamps with the system clock.
 */
class InjectedSignInTest {

    private static final ManualClock CLOCK = ManualClock.at(Instant.now());
    private static final LocalCognito COGNITO = LocalCognito.builder().clock(CLOCK).start();

    private UserPool pool;
    private AppClient app;
    private WeldContainer container;

    /** The store's ticker: LocalCognito's clock. */
    @ApplicationScoped
    public static class ManualTicker implements Ticker {
        @Override
        public long read() {
            return CLOCK.nanoTime();
        }
    }

    @AfterAll
    static void stop() {
        COGNITO.close();
    }

    @BeforeEach
    void pool() {
        COGNITO.resetRequestCounts();
        pool = COGNITO.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP));
        app = COGNITO.createClient(pool, true);
        COGNITO.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary-pass")
                .attribute("email", "bob@example.com"));
    }

    @AfterEach
    void shutDown() {
        if (container != null) {
            container.close();
        }
    }

    /** Boots the application with the pool's configuration and {@code more} keys (without the prefix). */
    private SignIn boot(String... more) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cognito-secured.endpoint", COGNITO.endpoint().toString());
        config.put("cognito-secured.region", "us-east-1");
        config.put("cognito-secured.user-pool-id", pool.id());
        config.put("cognito-secured.client-id", app.clientId());
        config.put("cognito-secured.client-secret", app.clientSecret().orElseThrow());
        config.put("cognito-secured.graphql.endpoint", "http://127.0.0.1:9/graphql");
        for (int i = 0; i + 1 < more.length; i += 2) {
            config.put("cognito-secured." + more[i], more[i + 1]);
        }
        Weld weld = new Weld("signin-" + UUID.randomUUID())
                .disableDiscovery()
                .addExtension(new CognitoSecuredExtension())
                .addBeanClasses(ManualTicker.class);
        Map<String, String> previous = new HashMap<>();
        config.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            container = weld.initialize();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
        return container.select(SignIn.class, AuthFlow.Literal.of("default")).get();
    }

    @Test
    void theInjectedFlowAnswersANewPasswordThenAnEmailCodeWithSrp() {
        SignIn signIn = boot();

        assertEquals(new SignInStep.NewPasswordRequired(List.of()), signIn.start("bob", "Temp-0rary-pass".toCharArray()));
        assertEquals(new SignInStep.EmailCode("b***@e***"), signIn.confirm("N3w-password!"));
        assertTrue(signIn.confirm(COGNITO.lastCode(pool, "bob").orElseThrow()).isDone());

        assertEquals(1, COGNITO.initiateAuthCount("USER_SRP_AUTH"));
        assertEquals(1, COGNITO.challengeResponseCount("PASSWORD_VERIFIER"));
        SessionStore store = container.select(SessionStore.class, AuthFlow.Literal.of("default")).get();
        assertTrue(store.isSignedIn(), "the flow signed in the pool's store, which the generated clients use");
        assertEquals("bob", store.tokens(Duration.ZERO).username());
    }

    @Test
    void theChallengeValidityComesFromTheConfiguration() {
        SignIn signIn = boot("challenge-validity", "30s");
        signIn.start("bob", "Temp-0rary-pass".toCharArray());
        CLOCK.advance(Duration.ofSeconds(30));

        assertThrows(ChallengeExpiredException.class, () -> signIn.confirm("N3w-password!"));
        assertEquals(0, COGNITO.challengeResponseCount("NEW_PASSWORD_REQUIRED"), "the answer was not sent");
        assertEquals(1, COGNITO.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE), "only PASSWORD_VERIFIER's was");
    }
}
