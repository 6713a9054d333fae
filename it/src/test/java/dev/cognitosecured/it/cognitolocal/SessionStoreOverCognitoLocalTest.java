package dev.cognitosecured.it.cognitolocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.cognito.CognitoSignIn;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;

/**
 * The real session store, sign-in flow and identity provider together against cognito-local. Time
 * comes from a fake ticker: expiry is crossed by moving it, never by waiting.
 */
class SessionStoreOverCognitoLocalTest {

    @RegisterExtension
    static final CognitoLocalExtension cognito = new CognitoLocalExtension();

    private static final String USER = "mallory";
    private static final String PASSWORD = "Store-Test-Pass-9";
    private static final Duration TOKEN_VALIDITY = Duration.ofSeconds(60);
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final Ticker ticker = now::get;
    private final RequestCounter counter = new RequestCounter();
    private final List<Object> events = new CopyOnWriteArrayList<>();

    private LocalPool pool;
    private CognitoIdentityProvider provider;
    private DefaultSessionStore store;
    private CognitoSignIn signIn;

    @BeforeEach
    void signInFlow() {
        pool = cognito.createPool(TOKEN_VALIDITY, false).createUser(USER, PASSWORD);
        build();
    }

    /** Provider, store (no prefetch) and sign-in flow for {@link #pool}, the provider with {@code more} interceptors. */
    private void build(ExecutionInterceptor... more) {
        if (provider != null) {
            provider.close();
        }
        provider = cognito.provider(pool.config(), counter, more);
        store = new DefaultSessionStore("default", provider, ticker, Duration.ZERO, events::add);
        signIn = new CognitoSignIn(store, new ChallengeSlot("default", ticker, pool.config().challengeValidity()),
                provider, pool.config().userPoolId());
    }

    @AfterEach
    void close() {
        provider.close();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void tokensLastTheirLifetimeLessOneSecondOnTheStoresClock() {
        assertTrue(signIn.start(USER, PASSWORD.toCharArray()).isDone());
        Tokens signedIn = store.tokens(Duration.ZERO);
        assertEquals(TOKEN_VALIDITY, signedIn.lifetime());

        advance(Duration.ofSeconds(59).minusMillis(1));
        assertSame(signedIn, store.tokens(Duration.ZERO), "still valid 1 ms before lifetime - 1 s");
        assertEquals(0, counter.count("InitiateAuth REFRESH_TOKEN_AUTH"));

        advance(Duration.ofMillis(1));
        Tokens refreshed = store.tokens(Duration.ZERO);

        assertEquals(1, counter.count("InitiateAuth REFRESH_TOKEN_AUTH"));
        assertNotEquals(signedIn.accessToken(), refreshed.accessToken());
        assertEquals(signedIn.refreshToken(), refreshed.refreshToken(), "REFRESH_TOKEN_AUTH keeps the refresh token");
        assertEquals(List.of(SignedIn.class, TokensRefreshed.class), events.stream().map(Object::getClass).toList());
    }

    @Test
    void fiftyCallersAtExpirySendOneRefreshToCognito() throws Exception {
        int callers = 50;
        RefreshGate gate = new RefreshGate(callers);
        build(gate);
        signIn.start(USER, PASSWORD.toCharArray());
        Tokens signedIn = store.tokens(Duration.ZERO);
        advance(TOKEN_VALIDITY);

        ExecutorService pool50 = Executors.newFixedThreadPool(callers);
        List<Future<Tokens>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(pool50.submit(() -> {
                    gate.arrived.countDown();
                    return store.tokens(SKEW);
                }));
            }
            List<Tokens> got = new ArrayList<>();
            for (Future<Tokens> result : results) {
                got.add(result.get(30, TimeUnit.SECONDS));
            }

            assertTrue(gate.opened, "the refresh was held until every caller had asked for tokens");
            assertEquals(1, counter.count("InitiateAuth REFRESH_TOKEN_AUTH"), counter.sent().toString());
            Tokens refreshed = got.get(0);
            assertNotEquals(signedIn.accessToken(), refreshed.accessToken());
            for (Tokens tokens : got) {
                assertSame(refreshed, tokens);
            }
        } finally {
            pool50.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordLeavesNobodySignedIn() {
        WrongAnswerException e = assertThrows(WrongAnswerException.class,
                () -> signIn.start(USER, "Not-The-Password-1".toCharArray()));

        assertTrue(e.canRetry());
        assertFalse(e.getMessage().contains("Not-The-Password-1"));
        assertFalse(signIn.isSignedIn());
        assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO));
    }

    @Test
    void signOutRevokesTheRefreshTokenAtCognito() {
        signIn.start(USER, PASSWORD.toCharArray());
        Tokens tokens = store.tokens(Duration.ZERO);

        signIn.signOut();

        assertFalse(signIn.isSignedIn());
        assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO));
        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH", "RevokeToken"), counter.sent());
        CompletionException refused = assertThrows(CompletionException.class,
                () -> provider.refresh(tokens).toCompletableFuture().join());
        assertInstanceOf(SignInRequiredException.class, refused.getCause());
        assertTrue(events.contains(new SessionEnded("default", USER, SessionEnded.Reason.SIGNED_OUT)), events.toString());
    }

    @Test
    void aRefreshTokenRevokedElsewhereEndsTheSessionAtTheNextRefresh() {
        signIn.start(USER, PASSWORD.toCharArray());
        provider.revoke(store.tokens(Duration.ZERO)).toCompletableFuture().join();
        advance(TOKEN_VALIDITY);

        assertThrows(SignInRequiredException.class, () -> store.tokens(SKEW));

        assertFalse(store.isSignedIn());
        assertTrue(events.contains(new SessionEnded("default", USER, SessionEnded.Reason.REFRESH_REJECTED)),
                events.toString());
        assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO));
        assertEquals(1, counter.count("InitiateAuth REFRESH_TOKEN_AUTH"));
    }

    /**
     * Holds the refresh request before it is sent until {@code callers} callers have asked the store
     * for tokens, so they all meet the same refresh in flight.
     */
    static final class RefreshGate implements ExecutionInterceptor {
        final CountDownLatch arrived;
        volatile boolean opened;

        RefreshGate(int callers) {
            this.arrived = new CountDownLatch(callers);
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof InitiateAuthRequest r && r.authFlow() == AuthFlowType.REFRESH_TOKEN_AUTH) {
                try {
                    opened = arrived.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
