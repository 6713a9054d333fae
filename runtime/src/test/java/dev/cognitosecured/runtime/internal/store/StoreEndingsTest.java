package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.DefaultSessionStoreTest.causeOf;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How the store ends a session for the reason the provider names, and how it is closed with its scope. */
class StoreEndingsTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StoreFixture fixture = new StoreFixture(Duration.ZERO);
    private final DefaultSessionStore store = fixture.store;

    @Test
    void aRejectionThatNamesItsReasonEndsTheSessionWithItAndLaterCallersGetIt() {
        fixture.provider.answerRefreshesWith(tokens -> fixture.provider.pending());
        Tokens signedIn = fixture.signIn(issued(1, HOUR));
        fixture.ticker.advance(HOUR);
        CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();

        SignInRequiredException disabled = new SignInRequiredException("the user is disabled",
                SessionEnded.Reason.USER_DISABLED);
        fixture.provider.response(0).completeExceptionally(disabled);

        assertSame(disabled, causeOf(waiting));
        assertEquals(List.of(new SessionEnded(StoreFixture.POOL, TestTokens.USER, SessionEnded.Reason.USER_DISABLED)),
                fixture.events.of(SessionEnded.class));
        SignInRequiredException later = assertThrows(SignInRequiredException.class, () -> store.tokens(SKEW));
        assertEquals(Optional.of(SessionEnded.Reason.USER_DISABLED), later.reason());
        assertTrue(later.getMessage().contains("USER_DISABLED"), later.getMessage());
        assertFalse(later.getMessage().contains(signedIn.accessToken()), later.getMessage());
        assertEquals(1, fixture.provider.refreshCalls(), "the later caller did not ask the provider");
    }

    @Test
    void closingWhileARefreshIsInFlightFailsItsWaitersAndNeverInstallsItsTokens() {
        fixture.provider.answerRefreshesWith(tokens -> fixture.provider.pending());
        fixture.signIn(issued(1, HOUR));
        fixture.ticker.advance(HOUR);
        CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();
        assertFalse(waiting.isDone());

        store.close();

        SignInRequiredException ended = assertInstanceOf(SignInRequiredException.class, causeOf(waiting));
        assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED), ended.reason());
        assertTrue(ended.getMessage().contains("scope"), ended.getMessage());
        assertEquals(List.of(new SessionEnded(StoreFixture.POOL, TestTokens.USER, SessionEnded.Reason.SCOPE_ENDED)),
                fixture.events.of(SessionEnded.class));

        fixture.provider.response(0).complete(issued(2, HOUR)); // the refresh answers after the scope ended

        assertFalse(store.isSignedIn());
        assertSame(TokenState.SignedOut.CLOSED, store.state());
        assertEquals(List.of(), fixture.events.of(TokensRefreshed.class));
        assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED),
                assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO)).reason());
        assertEquals(1, fixture.provider.refreshCalls());
    }

    @Test
    void aClosedStoreRefusesSignInsAndEndsOnce() {
        fixture.signIn(issued(1, HOUR));

        store.close();
        store.close();

        assertEquals(1, fixture.events.of(SessionEnded.class).size(), "ended once");
        SignInRequiredException refused = assertThrows(SignInRequiredException.class,
                () -> store.signIn(issued(2, HOUR), Duration.ZERO));
        assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED), refused.reason());
        assertThrows(SignInRequiredException.class, () -> store.signIn(() -> {
            throw new AssertionError("a closed store asks nobody for tokens");
        }));
        assertEquals(1, fixture.events.of(SignedIn.class).size(), "only the first sign-in");
        assertEquals(Optional.empty(), store.end(SessionEnded.Reason.SIGNED_OUT), "nothing left to end");
        assertSame(TokenState.SignedOut.CLOSED, store.state(), "ending does not reopen it");
        assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED),
                assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO)).reason());
    }

    @Test
    void closingAStoreNobodySignedInToFiresNothing() {
        store.close();

        assertEquals(List.of(), fixture.events.of(SessionEnded.class));
        assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED),
                assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO)).reason());
    }
}
