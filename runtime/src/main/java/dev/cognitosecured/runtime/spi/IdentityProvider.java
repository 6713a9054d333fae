package dev.cognitosecured.runtime.spi;

import dev.cognitosecured.runtime.FirstFactor;
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
     * As {@link #startSignIn(String, char[])}, on the device {@code device} proves: {@code DEVICE_KEY} goes with
     * {@code InitiateAuth}, and Cognito may answer {@code DEVICE_SRP_AUTH} (see {@link #proveDevice}). If Cognito no
     * longer knows the device, the sign-in goes on without it (and a new device may be issued).
     *
     * <p>The default ignores the device.
     *
     * @param username the user name as the user gave it
     * @param password the password, read before the stage completes and not kept
     * @param device the credentials of the device the user signs in from, as the {@link DeviceStore} kept them
     * @return a stage completing with the tokens, or with the challenge to answer next
     */
    default CompletionStage<SignInResponse> startSignIn(String username, char[] password, DeviceCredentials device) {
        return startSignIn(username, password);
    }

    /**
     * Proves {@code device} in answer to {@code DEVICE_SRP_AUTH} ({@code RespondToAuthChallenge DEVICE_SRP_AUTH},
     * then {@code DEVICE_PASSWORD_VERIFIER} computed by SRP from the device's password): the tokens, or the
     * challenge that follows (a second factor, if the device is not remembered).
     *
     * @param challenge the {@code DEVICE_SRP_AUTH} challenge, whose session the request carries
     * @param device the credentials of the device to prove
     * @return a stage completing with the tokens, or with the challenge to answer next; a default implementation
     *     fails it with {@link UnsupportedOperationException}
     */
    default CompletionStage<SignInResponse> proveDevice(Challenge challenge, DeviceCredentials device) {
        return unsupported("prove a remembered device");
    }

    /**
     * Confirms the device Cognito issued with a sign-in ({@code ConfirmDevice} with {@code tokens}' access token): a
     * new random device password, and its SRP verifier sent to Cognito.
     *
     * @param tokens the tokens of the sign-in that issued the device, whose access token the request carries
     * @param device the device Cognito issued with those tokens ({@code NewDeviceMetadata})
     * @param deviceName the name the device is listed with
     * @return a stage completing with the device's credentials, to keep in the {@link DeviceStore}; a default
     *     implementation fails it with {@link UnsupportedOperationException}
     */
    default CompletionStage<ConfirmedDevice> confirmDevice(Tokens tokens, SignInResponse.NewDevice device,
            String deviceName) {
        return unsupported("confirm a device");
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

    /**
     * Starts a choice-based sign-in ({@code InitiateAuth USER_AUTH}) with no preferred first factor: Cognito
     * answers with {@code SELECT_CHALLENGE}, whose {@link Challenge#parameters()} hold
     * {@code AVAILABLE_CHALLENGES}, the response's {@code AvailableChallenges} as a JSON array of names.
     *
     * @param username the user name as the user gave it
     * @return a stage completing with the tokens, or with the challenge to answer next; a default implementation
     *     fails it with {@link UnsupportedOperationException}
     */
    default CompletionStage<SignInResponse> startUserAuth(String username) {
        return unsupported("start a choice-based sign-in (USER_AUTH)");
    }

    /**
     * Starts a choice-based sign-in with {@code PREFERRED_CHALLENGE} {@code preferred}. For
     * {@link FirstFactor#PASSWORD_SRP} the implementation answers the {@code PASSWORD_VERIFIER} that follows,
     * as {@link #startSignIn} does; {@code password} is read before the stage completes and not kept. It is
     * empty for the factors without a password.
     *
     * @param username the user name as the user gave it
     * @param preferred the first factor to try first
     * @param password the password for a password factor; empty otherwise
     * @return a stage completing with the tokens, or with the challenge to answer next; a default implementation
     *     fails it with {@link UnsupportedOperationException}
     */
    default CompletionStage<SignInResponse> startUserAuth(String username, FirstFactor preferred, char[] password) {
        return unsupported("start a choice-based sign-in (USER_AUTH)");
    }

    /**
     * As {@link #startUserAuth(String)}, on the device {@code device} proves: {@code DEVICE_KEY} goes with
     * {@code InitiateAuth USER_AUTH}, and after the first factor Cognito may answer {@code DEVICE_SRP_AUTH} (see
     * {@link #proveDevice}). If Cognito no longer knows the device, the sign-in starts again without it, once.
     *
     * <p>The default ignores the device.
     *
     * @param username the user name as the user gave it
     * @param device the credentials of the device the user signs in from, as the {@link DeviceStore} kept them
     * @return a stage completing with the tokens, or with the challenge to answer next
     */
    default CompletionStage<SignInResponse> startUserAuth(String username, DeviceCredentials device) {
        return startUserAuth(username);
    }

    /**
     * As {@link #startUserAuth(String, FirstFactor, char[])}, on the device {@code device} proves: {@code DEVICE_KEY}
     * goes with {@code InitiateAuth USER_AUTH} (and with the {@code PASSWORD_VERIFIER} answer of
     * {@link FirstFactor#PASSWORD_SRP}); after the first factor Cognito may answer {@code DEVICE_SRP_AUTH} (see
     * {@link #proveDevice}). If Cognito no longer knows the device, the sign-in starts again without it, once.
     *
     * <p>The default ignores the device.
     *
     * @param username the user name as the user gave it
     * @param preferred the first factor to try first
     * @param password the password for a password factor; empty otherwise
     * @param device the credentials of the device the user signs in from, as the {@link DeviceStore} kept them
     * @return a stage completing with the tokens, or with the challenge to answer next
     */
    default CompletionStage<SignInResponse> startUserAuth(String username, FirstFactor preferred, char[] password,
            DeviceCredentials device) {
        return startUserAuth(username, preferred, password);
    }

    /**
     * Answers {@code SELECT_CHALLENGE} with {@code factor} ({@code ANSWER}, and {@code PASSWORD} or, for
     * {@link FirstFactor#PASSWORD_SRP}, {@code SRP_A} then the {@code PASSWORD_VERIFIER} answer). {@code password}
     * is empty for the factors without a password.
     *
     * @param selection the {@code SELECT_CHALLENGE} challenge, whose session the request carries
     * @param factor the first factor the user chose
     * @param password the password for a password factor, read before the stage completes and not kept; empty
     *     otherwise
     * @return a stage completing with the tokens, or with the challenge to answer next; a default implementation
     *     fails it with {@link UnsupportedOperationException}
     */
    default CompletionStage<SignInResponse> selectFirstFactor(Challenge selection, FirstFactor factor,
            char[] password) {
        return unsupported("answer SELECT_CHALLENGE");
    }

    /**
     * Signs in right after the user confirmed the sign-up, without the password: {@code InitiateAuth USER_AUTH}
     * with the {@code Session} that {@code ConfirmSignUp} returned (a single-use secret).
     *
     * @param username the user name the user signed up with
     * @param confirmationSession the {@code Session} of {@code ConfirmSignUp}'s response; a secret, never logged
     * @return a stage completing with the tokens, or with the challenge to answer next; a default implementation
     *     fails it with {@link UnsupportedOperationException}
     */
    default CompletionStage<SignInResponse> startUserAuthAfterSignUp(String username, String confirmationSession) {
        return unsupported("sign in after the sign-up's confirmation");
    }

    private <T> CompletionStage<T> unsupported(String what) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getName() + " cannot " + what + ": it supports sign-ins without challenges only"));
    }
}
