package dev.cognitosecured.runtime.spi;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the session store and the sign-in flow need from Cognito. The default implementation calls
 * the Cognito Identity Provider API through the AWS SDK v2; a test may supply another.
 *
 * <p>Every method returns at once; the work completes the returned stage. A refresh token that
 * Cognito rejects (expired, revoked, reused after rotation) completes the stage with
 * {@link dev.cognitosecured.runtime.SignInRequiredException}, made with the
 * {@link dev.cognitosecured.runtime.event.SessionEnded.Reason} the session ends for if the provider can
 * tell it ({@code REFRESH_REJECTED} if it names none); any other failure (network,
 * throttling, a 5xx) with another exception, and the store keeps the tokens it has.
 *
 * <p><b>Challenges.</b> {@link #startSignIn}, {@link #respond}, {@link #associateSoftwareToken} and
 * {@link #verifySoftwareToken} are the steps of a sign-in that Cognito may answer with challenges;
 * {@link dev.cognitosecured.runtime.SignIn} calls them one at a time and keeps each
 * {@link Challenge}'s session in the session store. They complete exceptionally with
 * {@link dev.cognitosecured.runtime.WrongAnswerException} for a wrong password, code or new password
 * ({@code canRetry()} says whether the same challenge may be answered again), and with
 * {@link dev.cognitosecured.runtime.ChallengeExpiredException} when Cognito no longer accepts the
 * challenge's session. An implementation that implements only {@link #signIn} supports sign-ins
 * without challenges: the defaults sign in with it, and refuse to answer a challenge.
 */
public interface IdentityProvider {

    /**
     * Signs in with a user name and password ({@code USER_PASSWORD_AUTH}), with no challenge.
     *
     * @param username the user's name, as the pool knows it
     * @param password the password; the provider must not keep it
     * @return a stage completing with the tokens, or failing with a {@link dev.cognitosecured.runtime.CognitoSecuredException}
     */
    CompletionStage<Tokens> signIn(String username, char[] password);

    /**
     * New tokens for {@code current}'s refresh token. The result may hold a new refresh token
     * (rotation) or none, in which case the store keeps the current one.
     *
     * @param current the tokens whose refresh token is sent
     * @return a stage completing with the new tokens; failing with
     *     {@link dev.cognitosecured.runtime.SignInRequiredException} if Cognito rejected the refresh token
     *     (the session then ends), with another {@link dev.cognitosecured.runtime.CognitoSecuredException}
     *     if it failed otherwise (the store keeps the current tokens)
     */
    CompletionStage<Tokens> refresh(Tokens current);

    /**
     * Revokes the refresh token of {@code current}, ending the session at Cognito.
     *
     * @param current the tokens of the session that ended
     * @return a stage completing when Cognito has revoked the token; a failure leaves it valid until it expires
     */
    CompletionStage<Void> revoke(Tokens current);

    /**
     * Starts a sign-in that Cognito may answer with a challenge ({@code InitiateAuth}, and for SRP the
     * {@code PASSWORD_VERIFIER} answer). {@code password} is read before the stage completes and not
     * kept; the caller clears it afterwards. An empty {@code password} reaches the provider as it is:
     * a provider whose flow needs one throws {@link IllegalArgumentException} before sending anything.
     *
     * <p>The default signs in with {@link #signIn} and so never returns a challenge.
     *
     * @param username the user's name, as the pool knows it
     * @param password the password, possibly empty
     * @return a stage completing with the tokens, or with the challenge to answer next
     */
    default CompletionStage<SignInResponse> startSignIn(String username, char[] password) {
        return signIn(username, password).thenApply(SignInResponse.Authenticated::new);
    }

    /**
     * Answers {@code challenge} ({@code RespondToAuthChallenge} with its name and session).
     *
     * @param responses the {@code ChallengeResponses} particular to the challenge, e.g.
     *     {@code SMS_MFA_CODE}; the implementation adds {@code USERNAME} and, for a client with a
     *     secret, {@code SECRET_HASH}
     * @param challenge the challenge being answered, whose session the request carries
     * @return a stage completing with the tokens, or with the next challenge of the chain
     */
    default CompletionStage<SignInResponse> respond(Challenge challenge, Map<String, String> responses) {
        return unsupported("answer the challenge " + challenge.name());
    }

    /**
     * Asks for the secret key of a new authenticator app during {@code MFA_SETUP}
     * ({@code AssociateSoftwareToken} with the challenge's session).
     *
     * @param challenge the {@code MFA_SETUP} challenge, whose session the request carries
     * @return a stage completing with the secret key and the session to verify the first code with
     */
    default CompletionStage<SoftwareTokenAssociation> associateSoftwareToken(Challenge challenge) {
        return unsupported("set up an authenticator app");
    }

    /**
     * Verifies the first code of the authenticator app being set up ({@code VerifySoftwareToken} with
     * the challenge's session).
     *
     * @param challenge the {@code MFA_SETUP} challenge as {@link #associateSoftwareToken} left it
     * @param code the six-digit code the user read from the app
     * @return the {@code MFA_SETUP} challenge with the new session, which {@link #respond} completes
     */
    default CompletionStage<Challenge> verifySoftwareToken(Challenge challenge, String code) {
        return unsupported("verify an authenticator app");
    }

    private <T> CompletionStage<T> unsupported(String what) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getName() + " cannot " + what + ": it supports sign-ins without challenges only"));
    }
}
