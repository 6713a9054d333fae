package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenReuseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Turns what the AWS SDK reports into the library's exceptions.
 *
 * <p>Cognito's own error messages are never copied, and a service exception is never kept as the
 * cause: the library cannot vouch that a server's text holds no secret. The new message names
 * Cognito's error code, the HTTP status and the request id instead, which is what AWS support asks
 * for. A client-side failure (connection refused, timeout) keeps the SDK's exception as cause: its
 * message is written by the SDK and names hosts and ports, not request contents.
 */
final class CognitoFailures {

    /** The one message for a wrong user name or password, so that it never tells which was wrong. */
    static final String WRONG_CREDENTIALS =
            "Sign-in failed: the user name or password is wrong. Check both and call SignIn.start again.";

    private CognitoFailures() {}

    /** The failure of {@code InitiateAuth USER_PASSWORD_AUTH}. */
    static Throwable ofSignIn(Throwable failure) {
        Throwable f = unwrap(failure);
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
        return general(f, Call.SIGN_IN);
    }

    /** The failure of a refresh, either API. */
    static Throwable ofRefresh(Throwable failure, Call call) {
        Throwable f = unwrap(failure);
        if (f instanceof NotAuthorizedException
                || f instanceof RefreshTokenReuseException
                || f instanceof UserNotFoundException) {
            AwsServiceException e = (AwsServiceException) f;
            return new SignInRequiredException("Cognito rejected the refresh token (" + errorCode(e) + details(e)
                    + "): it expired, was revoked, or was already used after rotation. Sign in again.");
        }
        return general(f, call);
    }

    /** The failure of {@code RevokeToken}. */
    static Throwable ofRevoke(Throwable failure) {
        return general(unwrap(failure), Call.REVOKE);
    }

    /** A call to Cognito, as messages name it. */
    enum Call {
        SIGN_IN("InitiateAuth (USER_PASSWORD_AUTH)"),
        REFRESH_TOKEN_AUTH("InitiateAuth (REFRESH_TOKEN_AUTH)"),
        GET_TOKENS_FROM_REFRESH_TOKEN("GetTokensFromRefreshToken"),
        REVOKE("RevokeToken");

        private final String label;

        Call(String label) {
            this.label = label;
        }
    }

    private static Throwable general(Throwable f, Call call) {
        if (f instanceof CognitoSecuredException) {
            return f;
        }
        if (f instanceof MalformedTokenException) {
            return new TransportException("Cognito's answer to " + call.label + " could not be read: "
                    + f.getMessage() + '.', f);
        }
        if (f instanceof AwsServiceException e) {
            String advice;
            if (isThrottling(e)) {
                advice = "Cognito is throttling requests; try again later.";
            } else if (e.statusCode() >= 500) {
                advice = "Cognito failed; try again later.";
            } else {
                advice = "Check the pool's configuration: region, user pool id, client id, client secret"
                        + " and the auth flows the app client allows.";
            }
            return new TransportException("Cognito refused " + call.label + " (" + errorCode(e) + details(e) + "). "
                    + advice, e.statusCode(), null);
        }
        if (f instanceof SdkClientException e) {
            return new TransportException("Cognito could not be reached for " + call.label + " ("
                    + e.getClass().getSimpleName() + "; see the cause). Try again later.", e);
        }
        return f;
    }

    private static boolean isThrottling(AwsServiceException e) {
        return e.isThrottlingException() || e instanceof LimitExceededException;
    }

    private static String errorCode(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String details(AwsServiceException e) {
        StringBuilder s = new StringBuilder().append(", HTTP ").append(e.statusCode());
        if (e.requestId() != null) {
            s.append(", request id ").append(e.requestId());
        }
        return s.toString();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable f = t;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        return f;
    }
}
