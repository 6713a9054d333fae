package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link DefaultSessionStore#signIn(java.util.function.Supplier)} waits for its request with a bound, the
 * pool's {@code cognito.timeout} plus a second in production: a request that never ends (a replaced identity
 * provider that does not bound its own) gives {@link CallTimeoutException}, part {@code COGNITO}, and keeps
 * what the store had. The bound here is 20 ms of real time; only the outcome is asserted.
 */
class SignInBackstopTest {

    private final FakeTicker ticker = new FakeTicker(StoreFixture.START);
    private final RecordedEvents events = new RecordedEvents();
    private final DefaultSessionStore store = new DefaultSessionStore("default", new FakeIdentityProvider(), ticker,
            Duration.ZERO, RefreshBackoff.standard(), events, Passivation.REFUSED, Duration.ofMillis(20));

    @Test
    void aSignInRequestThatNeverEndsTimesOutAndKeepsThePreviousSession() {
        Tokens previous = store.signIn(() -> CompletableFuture.completedFuture(issued(1, HOUR)));
        CompletableFuture<Tokens> never = new CompletableFuture<>();

        CallTimeoutException e = assertThrows(CallTimeoutException.class, () -> store.signIn(() -> never));

        assertEquals(CallTimeoutException.Part.COGNITO, e.part());
        assertEquals("cognito-secured.cognito.timeout", e.key());
        assertTrue(e.getMessage().startsWith("The sign-in to pool 'default' ran out of time"), e.getMessage());
        assertSame(previous, store.tokens(Duration.ofSeconds(1)), "the session it had is kept");
        assertFalse(never.isDone(), "the request is left to the identity provider's own bound");
        assertEquals(1, events.all().size(), "one SignedIn, for the first sign-in only");
    }

    @Test
    void theBoundMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new DefaultSessionStore("default",
                new FakeIdentityProvider(), ticker, Duration.ZERO, RefreshBackoff.standard(), events,
                Passivation.REFUSED, Duration.ZERO));
    }
}
