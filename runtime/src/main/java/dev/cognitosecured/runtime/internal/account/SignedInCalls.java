package dev.cognitosecured.runtime.internal.account;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.cognito.CognitoFailures;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.concurrent.Completions;
import dev.cognitosecured.runtime.spi.Tokens;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The calls a signed-in user authorizes with an access token ({@code GetUser}, {@code ChangePassword},
 * {@code UpdateUserAttributes}, {@code GlobalSignOut}, {@code AssociateSoftwareToken}…), made with a fresh
 * access token from the pool's {@link SessionStore}:
 * <ul>
 *   <li>the token comes from {@link SessionStore#tokensAsync} asking for {@code cognito.timeout} of validity,
 *       so it cannot expire while the request is on its way; the store refreshes it first if need be (the
 *       one refresh every caller shares);</li>
 *   <li>the caller waits at most {@code cognito.timeout} for those tokens and {@code cognito.timeout} for
 *       the answer ({@link dev.cognitosecured.runtime.CallTimeoutException}, part {@code COGNITO});</li>
 *   <li>failures are mapped by {@link CognitoFailures#ofAccount}; an access token that Cognito refuses as
 *       revoked (a sign-out everywhere), or a user disabled or deleted, ends the store's session with that
 *       reason ({@code SessionEnded} fired once) and gives {@link SignInRequiredException};</li>
 *   <li>an access token that Cognito says has expired (the clocks disagree) is refreshed once, if it is
 *       still the current one, and the request sent again with the new one.</li>
 * </ul>
 * Nobody signed in: {@link SignInRequiredException} at once, nothing sent. Thread-safe.
 */
public final class SignedInCalls {

    private final CognitoCalls cognito;
    private final SessionStore store;

    /**
     * @param cognito the pool's bounded, mapped calls
     * @param store the session store of the caller's context (the one whose user the calls act for)
     */
    public SignedInCalls(CognitoCalls cognito, SessionStore store) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The bounded, mapped calls without a token, and the SDK client. */
    public CognitoCalls cognito() {
        return cognito;
    }

    /** The store whose tokens the calls use. */
    public SessionStore store() {
        return store;
    }

    /**
     * Sends the request {@code request} makes with the user's access token, and waits for its answer: at
     * most {@code cognito.timeout} for the tokens and as long again for the answer.
     *
     * @param call the request as messages name it, e.g. {@code "ChangePassword"}
     * @param newCode how the user gets a new code if the one sent has expired; any text for calls without codes
     * @param request makes the SDK request from the access token
     * @throws SignInRequiredException if nobody is signed in, or Cognito no longer accepts the user's tokens
     *     (the session then ends with the reason)
     * @throws dev.cognitosecured.runtime.CallTimeoutException if the tokens and the answer took longer
     *     (part {@code COGNITO})
     */
    public <T> T call(String call, String newCode, Function<String, CompletableFuture<T>> request) {
        long startedAt = BoundedWait.now();
        return cognito.waitFor(call).await(callAsync(call, newCode, request), startedAt,
                startedAt + BoundedWait.nanos(cognito.timeout().multipliedBy(2).plus(CognitoCalls.SLACK)));
    }

    /** As {@link #call}, completing the stage instead of blocking; each request is bounded by the SDK. */
    public <T> CompletionStage<T> callAsync(String call, String newCode, Function<String, CompletableFuture<T>> request) {
        return store.tokensAsync(cognito.timeout()).thenCompose(tokens -> attempt(call, newCode, tokens, request)
                .exceptionallyCompose(failure -> {
                    if (!(unwrap(failure) instanceof ExpiredAccessToken)) {
                        return CompletableFuture.failedStage(unwrap(failure));
                    }
                    // The store judged the token valid, Cognito not (the clocks disagree): refresh once if current.
                    return store.refreshIfCurrentAsync(tokens, cognito.timeout())
                            .thenCompose(fresh -> attempt(call, newCode, fresh, request))
                            .exceptionallyCompose(again -> CompletableFuture.failedStage(
                                    unwrap(again) instanceof ExpiredAccessToken
                                            ? new TransportException("Cognito refused " + call + ": it says the access"
                                                    + " token has expired, also right after a refresh. Check the"
                                                    + " user pool's token settings; try again later.", null)
                                            : unwrap(again)));
                }));
    }

    /** One request with {@code tokens}; a refused access token ends the session, an expired one is marked. */
    private <T> CompletionStage<T> attempt(String call, String newCode, Tokens tokens,
            Function<String, CompletableFuture<T>> request) {
        return ended(cognito.callAsync(call, newCode, () -> request.apply(tokens.accessToken())
                .handle((value, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(value);
                    }
                    Throwable f = unwrap(failure);
                    return CompletableFuture.<T>failedFuture(
                            CognitoFailures.isExpiredAccessToken(f) ? new ExpiredAccessToken() : f);
                }).thenCompose(Function.identity())));
    }

    /** Cognito said the access token has expired: the one failure {@link #callAsync} answers with a refresh. */
    private static final class ExpiredAccessToken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpiredAccessToken() {
            super("Cognito says the access token has expired", null, false, false);
        }
    }

    /** Ends the store's session when {@code answer} fails because Cognito no longer accepts the user's tokens. */
    private <T> CompletionStage<T> ended(CompletionStage<T> answer) {
        return answer.whenComplete((value, failure) -> {
            if (failure != null && Completions.unwrap(failure) instanceof SignInRequiredException e
                    && e.reason().isPresent()) {
                SessionEnded.Reason reason = e.reason().get();
                store.end(reason);
            }
        });
    }

    @Override
    public String toString() {
        return "SignedInCalls[" + cognito.pool() + "]";
    }
}
