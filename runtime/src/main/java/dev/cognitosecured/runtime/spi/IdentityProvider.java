package dev.cognitosecured.runtime.spi;

import java.util.concurrent.CompletionStage;

/**
 * What the session store needs from Cognito. The default implementation calls the Cognito Identity
 * Provider API through the AWS SDK v2; a test may supply another.
 *
 * <p>Every method returns at once; the work completes the returned stage. A refresh token that
 * Cognito rejects (expired, revoked, reused after rotation) completes the stage with
 * {@link dev.cognitosecured.runtime.SignInRequiredException}; any other failure (network,
 * throttling, a 5xx) with another exception, and the store keeps the tokens it has.
 */
public interface IdentityProvider {

    /** Signs in with a user name and password ({@code USER_PASSWORD_AUTH}), with no challenge. */
    CompletionStage<Tokens> signIn(String username, char[] password);

    /**
     * New tokens for {@code current}'s refresh token. The result may hold a new refresh token
     * (rotation) or none, in which case the store keeps the current one.
     */
    CompletionStage<Tokens> refresh(Tokens current);

    /** Revokes the refresh token of {@code current}, ending the session at Cognito. */
    CompletionStage<Void> revoke(Tokens current);
}
