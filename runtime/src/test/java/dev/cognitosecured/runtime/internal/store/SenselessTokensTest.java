package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.localExpiry;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens from the identity provider whose lifetime makes no sense (not positive, or longer than
 * Cognito's maximum of a day): a sign-in with them signs nothing in, a refresh that returns them
 * keeps the previous tokens and fires {@link RefreshFailed}. Either way a typed
 * {@link TransportException} that names no token.
 */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SenselessTokensTest {

    private static final Duration PREFETCH = Duration.ofMinutes(2);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StoreFixture fixture = new StoreFixture(PREFETCH);
    private final DefaultSessionStore store = fixture.store;

    @ParameterizedTest
    @ValueSource(longs = {0, 86_401, 315_360_000})
    void aSignInWithThemSignsNothingIn(long lifetimeSeconds) {
        Tokens senseless = issued(1, Duration.ofSeconds(lifetimeSeconds));

        TransportException e = assertThrows(TransportException.class, () -> fixture.signIn(senseless));

        assertFalse(store.isSignedIn());
        assertTrue(fixture.events.of(SignedIn.class).isEmpty());
        assertTrue(e.getMessage().contains("lasts " + lifetimeSeconds + " s"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing is signed in."), e.getMessage());
        assertNoToken(e);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 86_401, 315_360_000})
    void aRefreshThatReturnsThemKeepsThePreviousTokens(long lifetimeSeconds) {
        FakeTicker ticker = fixture.ticker;
        long sentAt = ticker.read();
        Tokens signedIn = fixture.signIn(issued(1, HOUR));
        ticker.moveTo(localExpiry(sentAt, HOUR) - Duration.ofMinutes(1).toNanos());
        fixture.provider.answerRefreshesWith(current -> fixture.provider.pending());
        CompletableFuture<Tokens> demanding = store.tokensAsync(Duration.ofMinutes(5)).toCompletableFuture();

        fixture.provider.response(0).complete(issued(2, Duration.ofSeconds(lifetimeSeconds)));

        TransportException e = assertThrows(TransportException.class, () -> join(demanding));
        assertTrue(e.getMessage().contains("The previous tokens are kept."), e.getMessage());
        assertNoToken(e);
        assertEquals(1, fixture.provider.refreshCalls(), "no retry by the store");
        assertSame(signedIn, store.tokens(SKEW), "the old tokens, still valid, are kept");
        assertEquals(1, fixture.events.of(RefreshFailed.class).size());
        assertSame(e, fixture.events.of(RefreshFailed.class).get(0).cause());
        assertTrue(fixture.events.of(TokensRefreshed.class).isEmpty());
    }

    private static Tokens join(CompletableFuture<Tokens> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static void assertNoToken(Exception e) {
        for (String token : new String[] {"access-", "id-", "refresh-"}) {
            assertFalse(e.getMessage().contains(token), e.getMessage());
        }
    }
}
