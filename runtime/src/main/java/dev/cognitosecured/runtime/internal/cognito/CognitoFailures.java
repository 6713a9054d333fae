package dev.cognitosecured.runtime.internal.cognito;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.CodeExpiredException;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TooManyAttemptsException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.cognito.srp.InvalidSrpChallengeException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenReuseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Turns what the AWS SDK reports into the library's exceptions.
 *
 * <p>Cognito's own error messages are never copied, and a service exception is never kept as the
 * cause: the library cannot vouch that a server's text holds no secret. The new message names
 * Cognito's error code, the HTTP status and the request id instead, which is what AWS support asks
 * for. A client-side failure (connection refused, timeout) keeps the SDK's exception as cause: its
 * message is written by the SDK and names hosts and ports, not request contents. Cognito's messages
 * are read, never copied, where the error code alone does not tell what happened (a
 * {@code NotAuthorizedException} for a spent challenge session).
 */
public final class CognitoFailures {

    /** The one message for a wrong user name or password, so that it never tells which was wrong. */
    static final String WRONG_CREDENTIALS =
            "Sign-in failed: the user name or password is wrong. Check both and call SignIn.start again.";

    /** What each ending a refresh can meet means, as the message of {@link #ofRefresh} says it. */
    private static final Map<SessionEnded.Reason, String> EXPLANATIONS = Map.of(
            SessionEnded.Reason.REFRESH_TOKEN_EXPIRED, "it expired (the app client's refresh token validity)",
            SessionEnded.Reason.REFRESH_TOKEN_REVOKED,
                    "it was revoked (a sign-out on every device, GlobalSignOut, or RevokeToken)",
            SessionEnded.Reason.REFRESH_TOKEN_REUSED,
                    "it had already been replaced by rotation and its grace period was over",
            SessionEnded.Reason.USER_DISABLED, "the user is disabled",
            SessionEnded.Reason.USER_DELETED, "the user no longer exists",
            SessionEnded.Reason.REFRESH_REJECTED, "it expired, was revoked, or was already used after rotation");


    private final Duration timeout;
    private final String timeoutKey;

    /**
     * @param timeout the pool's {@code cognito.timeout}, which a timed-out request names
     * @param timeoutKey its full key, e.g. {@code cognito-secured.cognito.timeout}
     */
    public CognitoFailures(Duration timeout, String timeoutKey) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.timeoutKey = Objects.requireNonNull(timeoutKey, "timeoutKey");
    }

    /**
     * {@code failure} as the timeout it was, whatever the AWS SDK wrapped it in: when the SDK's attempt or API call
     * timeout aborts a request, the aborted connection can win the race and surface as a client-side failure (a
     * closed or reset connection, {@link SdkClientException}) instead of the SDK's timeout exception, most often on
     * a loaded machine; or the last attempt's timeout can fire before the API call timeout. A client-side failure
     * that ended once the whole {@code cognito.timeout} had passed since the request began is the API call timeout
     * (the SDK ends every request there); an earlier one is the timeout in its cause chain, if there is one.
     * Anything else, Cognito's answers included, is returned as it is.
     *
     * @param elapsed the time from sending the request to its failure
     */
    public Throwable timeoutIfItWasOne(Throwable failure, Duration elapsed) {
        Throwable f = unwrap(failure);
        if (!(f instanceof SdkClientException e) || f instanceof ApiCallTimeoutException) {
            return failure;
        }
        if (elapsed.compareTo(timeout) < 0) {
            for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
                    return cause;
                }
            }
            return failure;
        }
        // the whole budget is spent, whichever of the SDK's timers (or the connection it aborted) reported it first
        return ApiCallTimeoutException.builder()
                .message("The request ran out of its " + shown(timeout) + " after " + elapsed.toMillis()
                        + " ms; the AWS SDK reported the aborted connection (" + e.getClass().getSimpleName() + ")")
                .cause(e).numAttempts(e.numAttempts()).build();
    }

    /** The failure of {@code InitiateAuth USER_PASSWORD_AUTH}. */
    Throwable ofSignIn(Throwable failure) {
        return ofSignIn(failure, Call.SIGN_IN);
    }

    /**
     * The failure of the first step of a sign-in: {@code InitiateAuth USER_PASSWORD_AUTH}, or
     * {@code USER_SRP_AUTH} with its {@code PASSWORD_VERIFIER} answer, or {@code CUSTOM_AUTH} (with its
     * {@code PASSWORD_VERIFIER} answer when it starts with SRP).
     */
    Throwable ofSignIn(Throwable failure, Call call) {
        Throwable f = unwrap(failure);
        if (f instanceof NotAuthorizedException e && isAboutTheClientSecret(e)) {
            return new TransportException("Cognito refused " + call.label + " (" + errorCode(e) + details(e)
                    + ") because of the app client's secret: configure client-secret as the app client's secret,"
                    + " or none if the client has none.", e.statusCode(), null);
        }
        if (f instanceof InvalidSrpChallengeException e) {
            return new TransportException("Cognito's PASSWORD_VERIFIER challenge could not be answered: "
                    + e.getMessage() + '.', e);
        }
        if (f instanceof NotAuthorizedException
                || f instanceof UserNotFoundException
                || f instanceof InvalidPasswordException) {
            // NotAuthorizedException is real Cognito's answer to a wrong password; cognito-local
            // answers InvalidPasswordException. UserNotFoundException must not be told apart.
            return new WrongAnswerException(WRONG_CREDENTIALS, true, null);
        }
        if (f instanceof PasswordResetRequiredException e) {
            return new SignInRequiredException("Sign-in failed: Cognito requires this user to reset the password"
                    + " (PasswordResetRequiredException" + details(e) + "). Reset it, then sign in again.");
        }
        if (f instanceof UserNotConfirmedException e) {
            return new SignInRequiredException("Sign-in failed: the user has not confirmed the account yet"
                    + " (UserNotConfirmedException" + details(e) + "). Confirm it, then sign in again.");
        }
        return general(f, call.label);
    }

    /**
     * The failure of a step that answers a challenge: {@code RespondToAuthChallenge},
     * {@code AssociateSoftwareToken} or {@code VerifySoftwareToken}.
     *
     * @param call the request, as messages name it, e.g. {@code "RespondToAuthChallenge (SMS_MFA)"}
     */
    Throwable ofChallenge(Throwable failure, String call) {
        Throwable f = unwrap(failure);
        if (f instanceof NotAuthorizedException e) {
            String message = serviceMessage(e);
            if (message.startsWith("Invalid session")) {
                return new ChallengeExpiredException("Cognito no longer accepts the session of this sign-in challenge ("
                        + errorCode(e) + " to " + call + details(e) + "): it expired or was used. Start the sign-in"
                        + " again with SignIn.start.");
            }
            if (message.startsWith("Incorrect username or password")) {
                // What Cognito answers when a custom auth challenge trigger ends the sign-in as failed.
                return new WrongAnswerException("Cognito refused the answer and ended the sign-in (" + errorCode(e)
                        + " to " + call + details(e) + "); for a custom challenge, the user pool's triggers decided"
                        + " that the sign-in fails. Start the sign-in again with SignIn.start.", false, null);
            }
            if (message.startsWith("Password attempts exceeded")) {
                return new WrongAnswerException("Too many wrong answers: Cognito has locked the user out for a while ("
                        + errorCode(e) + " to " + call + details(e) + "). Wait, then start the sign-in again.", false,
                        null);
            }
            if (call.contains(ChallengeSteps.WEB_AUTHN)) {
                return passkeyRefused(e, call);
            }
        }
        if (f instanceof AwsServiceException e && errorCode(e).startsWith("WebAuthn")) {
            return passkeyRefused(e, call);
        }
        if (f instanceof CodeMismatchException || f instanceof EnableSoftwareTokenMfaException) {
            AwsServiceException e = (AwsServiceException) f;
            return new WrongAnswerException("The code is wrong (" + errorCode(e) + " to " + call + details(e)
                    + "). Check it and answer again.", true, null);
        }
        if (f instanceof ExpiredCodeException e) {
            return new ChallengeExpiredException("The code has expired (" + errorCode(e) + " to " + call + details(e)
                    + "). Start the sign-in again with SignIn.start.");
        }
        if (f instanceof InvalidPasswordException e) {
            return new WrongAnswerException("Cognito refused the new password: it does not meet the user pool's"
                    + " password policy (" + errorCode(e) + " to " + call + details(e)
                    + "). Choose another and answer again.", true, null);
        }
        if (f instanceof InvalidParameterException e) {
            return new WrongAnswerException("Cognito refused the answer as incomplete or malformed (" + errorCode(e)
                    + " to " + call + details(e) + "), e.g. a required attribute is missing or badly formatted."
                    + " Correct it and answer again.", true, null);
        }
        return general(f, call);
    }

    /**
     * The failure of an answer to {@code SELECT_CHALLENGE} that carries a first factor: a spent or expired
     * session as {@link #ofChallenge}; a wrong password ends the sign-in (the choice spent the session).
     */
    Throwable ofFirstFactor(Throwable failure, String call) {
        Throwable f = unwrap(failure);
        if (f instanceof NotAuthorizedException e && serviceMessage(e).startsWith("Incorrect username or password")) {
            return new WrongAnswerException("Sign-in failed: the user name or password is wrong. Check both and call"
                    + " SignIn.startUserAuth again.", false, null);
        }
        return ofChallenge(f, call);
    }

    /** Cognito refused a passkey's credential (signature, origin, relying party, challenge): another may do. */
    private static WrongAnswerException passkeyRefused(AwsServiceException e, String call) {
        return new WrongAnswerException("Cognito refused the passkey's credential (" + errorCode(e) + " to " + call
                + details(e) + "). Check the page's origin against the user pool's relying party, or answer with"
                + " another credential; or start the sign-in again.", true, null);
    }

    /**
     * The failure of a device's proof ({@code DEVICE_SRP_AUTH}, {@code DEVICE_PASSWORD_VERIFIER}): a refused proof
     * or a device Cognito no longer knows is {@link WrongAnswerException} ({@code canRetry() == false}); the rest
     * as {@link #ofChallenge}.
     */
    Throwable ofDeviceProof(Throwable failure) {
        Throwable f = unwrap(failure);
        String call = "RespondToAuthChallenge (DEVICE_SRP_AUTH)";
        if ((f instanceof NotAuthorizedException e && serviceMessage(e).startsWith("Incorrect username or password"))
                || f instanceof ResourceNotFoundException) {
            AwsServiceException e = (AwsServiceException) f;
            return new WrongAnswerException("Cognito refused this device's proof (" + errorCode(e) + " to " + call
                    + details(e) + "): it no longer knows the device, or the device's kept credentials do not match."
                    + " The device is forgotten here; start the sign-in again.", false, null);
        }
        return ofChallenge(failure, call);
    }

    /**
     * The failure of a signed-in device call ({@code ConfirmDevice}).
     *
     * @param call the request, as messages name it
     */
    Throwable ofDeviceCall(Throwable failure, String call) {
        return general(unwrap(failure), call);
    }

    /** The failure of a refresh, either API. */
    Throwable ofRefresh(Throwable failure, Call call) {
        Throwable f = unwrap(failure);
        if (f instanceof NotAuthorizedException
                || f instanceof RefreshTokenReuseException
                || f instanceof UserNotFoundException) {
            AwsServiceException e = (AwsServiceException) f;
            SessionEnded.Reason reason = endingOf(e);
            return new SignInRequiredException("Cognito rejected the refresh token (" + errorCode(e) + details(e)
                    + "): " + EXPLANATIONS.get(reason) + ". The session ended (" + reason + "); sign in again.", reason);
        }
        return general(f, call.label);
    }

    /**
     * Why a refresh rejected with {@code e} ends the session: from the error code, and for
     * {@code NotAuthorizedException} from Cognito's message (read, never copied).
     */
    private static SessionEnded.Reason endingOf(AwsServiceException e) {
        if (e instanceof RefreshTokenReuseException) {
            return SessionEnded.Reason.REFRESH_TOKEN_REUSED;
        }
        if (e instanceof UserNotFoundException) {
            return SessionEnded.Reason.USER_DELETED;
        }
        String message = serviceMessage(e);
        if (message.startsWith("Refresh Token has expired")) {
            return SessionEnded.Reason.REFRESH_TOKEN_EXPIRED;
        }
        if (message.startsWith("Refresh Token has been revoked")) {
            return SessionEnded.Reason.REFRESH_TOKEN_REVOKED;
        }
        if (message.startsWith("User is disabled")) {
            return SessionEnded.Reason.USER_DISABLED;
        }
        if (message.startsWith("User does not exist")) {
            return SessionEnded.Reason.USER_DELETED;
        }
        return SessionEnded.Reason.REFRESH_REJECTED;
    }

    /**
     * The failure of a call about the user's account: sign-up, password reset, and the calls a signed-in
     * user makes with an access token (attributes, password change, verification codes, sign-out
     * everywhere, deleting the user). One mapping for all of them:
     * <ul>
     *   <li>a wrong code ({@code CodeMismatchException}), a password that breaks the policy
     *       ({@code InvalidPasswordException}), a wrong old password ({@code NotAuthorizedException}
     *       "Incorrect username or password.") or a malformed value ({@code InvalidParameterException}):
     *       {@link WrongAnswerException}, {@code canRetry() == true};</li>
     *   <li>{@code ExpiredCodeException}: {@link CodeExpiredException}, naming {@code newCode}, how to get
     *       a new one;</li>
     *   <li>{@code LimitExceededException}, {@code TooManyFailedAttemptsException}:
     *       {@link TooManyAttemptsException};</li>
     *   <li>{@code UsernameExistsException}, {@code AliasExistsException}: {@link UsernameExistsException};</li>
     *   <li>an access token Cognito no longer accepts (revoked by a sign-out everywhere, the user disabled
     *       or deleted): {@link SignInRequiredException} with the reason the session ends for;</li>
     *   <li>anything else as every other call: throttling, 5xx and network errors as
     *       {@link TransportException}, a timeout as {@link CallTimeoutException} ({@code COGNITO}).</li>
     * </ul>
     *
     * @param call the request, as messages name it, e.g. {@code "ConfirmSignUp"}
     * @param newCode how the user gets a new code, e.g. {@code "call SignUp.resendSignUpCode()"}
     */
    public Throwable ofAccount(Throwable failure, String call, String newCode) {
        Throwable f = unwrap(failure);
        if (f instanceof EnableSoftwareTokenMfaException e) {
            return new WrongAnswerException("The authenticator app's code is wrong or too old (" + errorCode(e) + " to "
                    + call + details(e) + "). Answer with the app's current code.", true, null);
        }
        if (f instanceof SoftwareTokenMfaNotFoundException e) {
            return new WrongAnswerException("No authenticator app is being set up for this user (" + errorCode(e)
                    + " to " + call + details(e) + "): call Mfa.setUpTotp first.", false, null);
        }
        if (f instanceof CodeMismatchException e) {
            return new WrongAnswerException("The code is wrong (" + errorCode(e) + " to " + call + details(e)
                    + "). Check it and try again.", true, null);
        }
        if (f instanceof ExpiredCodeException e) {
            return new CodeExpiredException("The code has expired or was replaced by a newer one (" + errorCode(e)
                    + " to " + call + details(e) + "). To get a new code, " + newCode + ".");
        }
        if (f instanceof LimitExceededException || f instanceof TooManyFailedAttemptsException) {
            AwsServiceException e = (AwsServiceException) f;
            return new TooManyAttemptsException("Cognito refused " + call + ": too many attempts for this user for now ("
                    + errorCode(e) + details(e) + "). Nothing changed; try again later.");
        }
        if (f instanceof UsernameExistsException || f instanceof AliasExistsException) {
            AwsServiceException e = (AwsServiceException) f;
            return new dev.cognitosecured.runtime.UsernameExistsException("Cognito refused " + call + ": "
                    + (f instanceof AliasExistsException ? "another user already has this e-mail address or phone number"
                            : "a user with this name already exists") + " (" + errorCode(e) + details(e)
                    + "). Choose another, or sign in.");
        }
        if (f instanceof InvalidPasswordException e) {
            return new WrongAnswerException("Cognito refused the password: it does not meet the user pool's password"
                    + " policy (" + errorCode(e) + " to " + call + details(e) + "). Choose another.", true, null);
        }
        if (f instanceof InvalidParameterException e) {
            return new WrongAnswerException("Cognito refused " + call + " as incomplete or malformed (" + errorCode(e)
                    + details(e) + "), e.g. a required attribute is missing, an attribute is unknown or badly"
                    + " formatted, or nothing is left to verify. Correct it and try again.", true, null);
        }
        if (f instanceof AwsServiceException e && errorCode(e).startsWith("WebAuthn")
                && !errorCode(e).equals("WebAuthnNotEnabledException")) {
            return new WrongAnswerException("Cognito refused the passkey's credential for " + call + " (" + errorCode(e)
                    + details(e) + "): check the page's origin against the user pool's relying party, then start"
                    + " again.", true, null);
        }
        if (f instanceof UserNotFoundException e) {
            return new SignInRequiredException("Cognito answered " + call + " that the user does not exist ("
                    + errorCode(e) + details(e) + "). Sign up or sign in again.", SessionEnded.Reason.USER_DELETED);
        }
        if (f instanceof NotAuthorizedException e && isAboutTheClientSecret(e)) {
            return new TransportException("Cognito refused " + call + " (" + errorCode(e) + details(e)
                    + ") because of the app client's secret: configure client-secret as the app client's secret,"
                    + " or none if the client has none.", e.statusCode(), null);
        }
        if (f instanceof NotAuthorizedException e) {
            String message = serviceMessage(e);
            if (message.startsWith("Incorrect username or password")) {
                return new WrongAnswerException("Cognito refused " + call + ": the password is wrong (" + errorCode(e)
                        + details(e) + "). Check it and try again.", true, null);
            }
            if (message.startsWith("Password attempts exceeded")) {
                return new TooManyAttemptsException("Too many wrong passwords: Cognito has locked the user out for a"
                        + " while (" + errorCode(e) + " to " + call + details(e) + "). Wait, then try again.");
            }
            SessionEnded.Reason reason = accessEndingOf(message);
            if (reason != null) {
                return new SignInRequiredException("Cognito no longer accepts the user's access token for " + call
                        + " (" + errorCode(e) + details(e) + "): " + EXPLANATIONS.get(reason) + ". The session ended ("
                        + reason + "); sign in again.", reason);
            }
            return new WrongAnswerException("Cognito did not allow " + call + " (" + errorCode(e) + details(e)
                    + "), e.g. the account is already confirmed, or the pool does not allow it.", false, null);
        }
        return general(f, call);
    }

    /**
     * Whether {@code failure} is Cognito saying that the access token sent has expired (the local clock
     * judged otherwise): worth one refresh and replay.
     */
    public static boolean isExpiredAccessToken(Throwable failure) {
        return unwrap(failure) instanceof NotAuthorizedException e
                && serviceMessage(e).startsWith("Access Token has expired");
    }

    /** Why a session ends whose access token Cognito refused with {@code message}; null if it need not. */
    private static SessionEnded.Reason accessEndingOf(String message) {
        if (message.startsWith("Access Token has been revoked")) {
            return SessionEnded.Reason.REFRESH_TOKEN_REVOKED;
        }
        if (message.startsWith("User is disabled")) {
            return SessionEnded.Reason.USER_DISABLED;
        }
        if (message.startsWith("User does not exist")) {
            return SessionEnded.Reason.USER_DELETED;
        }
        if (message.startsWith("Invalid Access Token")) {
            return SessionEnded.Reason.REFRESH_REJECTED;
        }
        return null;
    }

    /** The failure of {@code RevokeToken}. */
    Throwable ofRevoke(Throwable failure) {
        return general(unwrap(failure), Call.REVOKE.label);
    }

    /** A call to Cognito, as messages name it. */
    enum Call {
        SIGN_IN("InitiateAuth (USER_PASSWORD_AUTH)"),
        SRP_SIGN_IN("InitiateAuth (USER_SRP_AUTH) or its PASSWORD_VERIFIER answer"),
        CUSTOM_SIGN_IN("InitiateAuth (CUSTOM_AUTH)"),
        CUSTOM_SRP_SIGN_IN("InitiateAuth (CUSTOM_AUTH with SRP_A) or its PASSWORD_VERIFIER answer"),
        REFRESH_TOKEN_AUTH("InitiateAuth (REFRESH_TOKEN_AUTH)"),
        GET_TOKENS_FROM_REFRESH_TOKEN("GetTokensFromRefreshToken"),
        REVOKE("RevokeToken"),
        USER_AUTH("InitiateAuth (USER_AUTH)");

        private final String label;

        Call(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private Throwable general(Throwable f, String call) {
        if (f instanceof CognitoSecuredException) {
            return f;
        }
        if (f instanceof MalformedTokenException) {
            return new TransportException("Cognito's answer to " + call + " could not be read: "
                    + f.getMessage() + '.', f);
        }
        if (f instanceof AwsServiceException e) {
            String advice;
            if (isThrottling(e)) {
                return new TransportException("Cognito throttled " + call + " (" + errorCode(e) + details(e)
                        + attempts(e) + "; the AWS SDK's retries did not get through). Cognito is throttling"
                        + " requests; try again later.", e.statusCode(), null);
            } else if (e.statusCode() >= 500) {
                advice = "Cognito failed; try again later.";
            } else {
                advice = "Check the pool's configuration: region, user pool id, client id, client secret"
                        + " and the auth flows the app client allows.";
            }
            return new TransportException("Cognito refused " + call + " (" + errorCode(e) + details(e)
                    + attempts(e) + "). " + advice, e.statusCode(), null);
        }
        if (f instanceof ApiCallTimeoutException e) {
            return new CallTimeoutException("Cognito did not answer " + call + " within " + timeoutKey + " ("
                    + shown(timeout) + attempts(e) + "). The tokens are kept. Check that Cognito can be reached"
                    + " from here, or raise " + timeoutKey + ".", Part.COGNITO, timeout, timeoutKey, e);
        }
        if (f instanceof ApiCallAttemptTimeoutException e) {
            return new CallTimeoutException("Cognito did not answer " + call + attempts(e) + ": each attempt may"
                    + " take a third of " + timeoutKey + " (" + shown(timeout) + "). The tokens are kept. Check that"
                    + " Cognito can be reached from here, or raise " + timeoutKey + ".", Part.COGNITO, timeout,
                    timeoutKey, e);
        }
        if (f instanceof SdkException e && isThrottling(e)) {
            return new TransportException("Cognito throttled " + call + attempts(e) + " and the AWS SDK's retries"
                    + " did not get through. Cognito is throttling requests; try again later.", e);
        }
        if (f instanceof SdkClientException e) {
            return new TransportException("Cognito could not be reached for " + call + " ("
                    + e.getClass().getSimpleName() + attempts(e) + "; see the cause). Try again later.", e);
        }
        return f;
    }

    private static boolean isThrottling(AwsServiceException e) {
        return e.isThrottlingException() || e instanceof LimitExceededException;
    }

    /** Whether {@code e} is throttling, also when the SDK wrapped it (its retries used up). */
    private static boolean isThrottling(SdkException e) {
        return e instanceof AwsServiceException service ? isThrottling(service)
                : e.getCause() instanceof AwsServiceException cause && isThrottling(cause);
    }

    /** {@code timeout} as configuration writes it: {@code 800ms}, {@code 10s}. */
    private static String shown(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** {@code ", after 3 attempts"} when the SDK counted more than one, else nothing. */
    private static String attempts(SdkException e) {
        Integer attempts = e.numAttempts();
        return attempts != null && attempts > 1 ? ", after " + attempts + " attempts" : "";
    }

    private static String errorCode(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    /** Whether Cognito refused the {@code SECRET_HASH} (wrong, or missing for a client with a secret). */
    private static boolean isAboutTheClientSecret(AwsServiceException e) {
        String message = serviceMessage(e);
        return message.contains("secret hash") || message.contains("SECRET_HASH");
    }

    /** Cognito's own message, to be read and never copied: it may echo what was sent. */
    private static String serviceMessage(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        return "";
    }

    private static String details(AwsServiceException e) {
        StringBuilder s = new StringBuilder().append(", HTTP ").append(e.statusCode());
        if (e.requestId() != null) {
            s.append(", request id ").append(e.requestId());
        }
        return s.toString();
    }

}
