package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.cognito.CognitoFailures.Call;
import java.net.ConnectException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenReuseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

class CognitoFailuresTest {

    private static final CognitoFailures FAILURES = new CognitoFailures(Duration.ofSeconds(10),
            "cognito-secured.cognito.timeout");

    /** A server message that must never reach the library's messages. */
    private static final String SERVER_TEXT = "server said: token eyJraWQiOi.secret.part";

    private static <T extends AwsServiceException.Builder> AwsServiceException service(
            T builder, String code, int status) {
        return builder.message(SERVER_TEXT)
                .statusCode(status)
                .requestId("req-42")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(SERVER_TEXT).build())
                .build();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGiveTheSameRetryableError() {
        Throwable wrong = FAILURES.ofSignIn(service(NotAuthorizedException.builder(), "NotAuthorizedException", 400));
        Throwable unknown = FAILURES.ofSignIn(service(UserNotFoundException.builder(), "UserNotFoundException", 400));
        Throwable local = FAILURES.ofSignIn(service(InvalidPasswordException.builder(), "InvalidPasswordException", 400));

        for (Throwable t : new Throwable[] {wrong, unknown, local}) {
            WrongAnswerException e = assertInstanceOf(WrongAnswerException.class, t);
            assertTrue(e.canRetry());
            assertEquals(CognitoFailures.WRONG_CREDENTIALS, e.getMessage());
            assertNull(e.getCause(), "the cause would tell an unknown user from a wrong password");
        }
    }

    @Test
    void signInFailuresArriveWrappedByTheFuture() {
        Throwable t = FAILURES.ofSignIn(
                new CompletionException(service(NotAuthorizedException.builder(), "NotAuthorizedException", 400)));
        assertInstanceOf(WrongAnswerException.class, t);
    }

    @Test
    void aRequiredPasswordResetAsksForOne() {
        Throwable t = FAILURES.ofSignIn(
                service(PasswordResetRequiredException.builder(), "PasswordResetRequiredException", 400));
        SignInRequiredException e = assertInstanceOf(SignInRequiredException.class, t);
        assertTrue(e.getMessage().contains("reset"));
        assertFalse(e.getMessage().contains(SERVER_TEXT));
    }

    @Test
    void aRejectedRefreshTokenRequiresSigningInAgain() {
        for (AwsServiceException rejected : new AwsServiceException[] {
                service(NotAuthorizedException.builder(), "NotAuthorizedException", 400),
                service(RefreshTokenReuseException.builder(), "RefreshTokenReuseException", 400),
                service(UserNotFoundException.builder(), "UserNotFoundException", 400)}) {
            Throwable t = FAILURES.ofRefresh(new CompletionException(rejected), Call.REFRESH_TOKEN_AUTH);
            SignInRequiredException e = assertInstanceOf(SignInRequiredException.class, t);
            assertTrue(e.getMessage().contains(rejected.awsErrorDetails().errorCode()), e.getMessage());
            assertTrue(e.getMessage().contains("req-42"), e.getMessage());
            assertFalse(e.getMessage().contains(SERVER_TEXT));
            assertNull(e.getCause());
        }
    }

    @Test
    void aRejectedRefreshNamesTheReasonCognitosAnswerGives() {
        Map<SessionEnded.Reason, AwsServiceException> answers = new LinkedHashMap<>();
        answers.put(SessionEnded.Reason.REFRESH_TOKEN_EXPIRED,
                said(NotAuthorizedException.builder(), "NotAuthorizedException", "Refresh Token has expired"));
        answers.put(SessionEnded.Reason.REFRESH_TOKEN_REVOKED,
                said(NotAuthorizedException.builder(), "NotAuthorizedException", "Refresh Token has been revoked"));
        answers.put(SessionEnded.Reason.USER_DISABLED,
                said(NotAuthorizedException.builder(), "NotAuthorizedException", "User is disabled."));
        answers.put(SessionEnded.Reason.USER_DELETED,
                said(UserNotFoundException.builder(), "UserNotFoundException", "User does not exist."));
        answers.put(SessionEnded.Reason.REFRESH_TOKEN_REUSED,
                said(RefreshTokenReuseException.builder(), "RefreshTokenReuseException", "Refresh token reused"));
        answers.put(SessionEnded.Reason.REFRESH_REJECTED,
                said(NotAuthorizedException.builder(), "NotAuthorizedException", "Invalid Refresh Token"));
        answers.forEach((reason, rejected) -> {
            SignInRequiredException e = assertInstanceOf(SignInRequiredException.class,
                    FAILURES.ofRefresh(rejected, Call.GET_TOKENS_FROM_REFRESH_TOKEN));
            assertEquals(Optional.of(reason), e.reason());
            assertTrue(e.getMessage().contains("(" + reason + ")"), e.getMessage());
            assertFalse(e.getMessage().contains(rejected.awsErrorDetails().errorMessage()), "never copied: "
                    + e.getMessage());
        });
    }

    private static <T extends AwsServiceException.Builder> AwsServiceException said(T builder, String code,
            String message) {
        return builder.statusCode(400).requestId("req-42")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }

    @Test
    void throttlingIsATransportFailure() {
        Throwable t = FAILURES.ofRefresh(
                service(TooManyRequestsException.builder(), "TooManyRequestsException", 400), Call.GET_TOKENS_FROM_REFRESH_TOKEN);
        TransportException e = assertInstanceOf(TransportException.class, t);
        assertEquals(OptionalInt.of(400), e.status());
        assertTrue(e.getMessage().contains("GetTokensFromRefreshToken"), e.getMessage());
        assertTrue(e.getMessage().contains("throttling"), e.getMessage());
        assertFalse(e.getMessage().contains(SERVER_TEXT));
        assertNull(e.getCause());
    }

    @Test
    void aServerErrorIsATransportFailureWithItsStatus() {
        Throwable t = FAILURES.ofRefresh(
                service(InternalErrorException.builder(), "InternalErrorException", 500), Call.REFRESH_TOKEN_AUTH);
        TransportException e = assertInstanceOf(TransportException.class, t);
        assertEquals(OptionalInt.of(500), e.status());
        assertTrue(e.getMessage().contains("InternalErrorException, HTTP 500, request id req-42"), e.getMessage());
    }

    @Test
    void anUnknownServiceErrorIsNamedByItsCode() {
        Throwable t = FAILURES.ofSignIn(
                service(CognitoIdentityProviderException.builder(), "CognitoLocal#Unsupported", 500));
        TransportException e = assertInstanceOf(TransportException.class, t);
        assertTrue(e.getMessage().contains("CognitoLocal#Unsupported"), e.getMessage());
    }

    @Test
    void aRefusedRequestPointsAtTheConfiguration() {
        Throwable t = FAILURES.ofSignIn(
                service(InvalidParameterException.builder(), "InvalidParameterException", 400));
        TransportException e = assertInstanceOf(TransportException.class, t);
        assertTrue(e.getMessage().contains("configuration"), e.getMessage());
        assertFalse(e.getMessage().contains(SERVER_TEXT));
    }

    @Test
    void aNetworkFailureKeepsTheSdkExceptionAsCause() {
        SdkClientException network = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection refused")
                .cause(new ConnectException("Connection refused"))
                .build();
        Throwable t = FAILURES.ofRevoke(new CompletionException(network));
        TransportException e = assertInstanceOf(TransportException.class, t);
        assertSame(network, e.getCause());
        assertEquals(OptionalInt.empty(), e.status());
        assertTrue(e.getMessage().contains("RevokeToken"), e.getMessage());
    }

    @Test
    void anUnreadableAnswerIsATransportFailure() {
        Throwable t = FAILURES.ofSignIn(new MalformedTokenException("the ID token is missing"));
        TransportException e = assertInstanceOf(TransportException.class, t);
        assertTrue(e.getMessage().contains("the ID token is missing"), e.getMessage());
    }

    @Test
    void libraryExceptionsPassThrough() {
        SignInRequiredException challenge = new SignInRequiredException("challenge");
        assertSame(challenge, FAILURES.ofSignIn(new CompletionException(challenge)));
    }

    private static AwsServiceException notAuthorized(String serverMessage) {
        return NotAuthorizedException.builder().message(serverMessage).statusCode(400).requestId("req-7")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotAuthorizedException")
                        .errorMessage(serverMessage).build())
                .build();
    }

    @Test
    void aSpentOrExpiredChallengeSessionAsksToStartAgain() {
        for (String said : new String[] {"Invalid session for the user, session is expired.",
                "Invalid session for the user, session can only be used once.", "Invalid session for the user."}) {
            Throwable t = FAILURES.ofChallenge(new CompletionException(notAuthorized(said)),
                    "RespondToAuthChallenge (SMS_MFA)");
            ChallengeExpiredException e = assertInstanceOf(ChallengeExpiredException.class, t);
            assertTrue(e.getMessage().contains("RespondToAuthChallenge (SMS_MFA)"), e.getMessage());
            assertTrue(e.getMessage().contains("SignIn.start"), e.getMessage());
            assertTrue(e.getMessage().contains("req-7"), e.getMessage());
            assertFalse(e.getMessage().contains(said), "Cognito's text is read, never copied");
            assertNull(e.getCause());
        }
    }

    @Test
    void aWrongCodeMayBeRetried() {
        for (AwsServiceException wrong : new AwsServiceException[] {
                service(CodeMismatchException.builder(), "CodeMismatchException", 400),
                service(EnableSoftwareTokenMfaException.builder(), "EnableSoftwareTokenMFAException", 400)}) {
            WrongAnswerException e = assertInstanceOf(WrongAnswerException.class,
                    FAILURES.ofChallenge(wrong, "VerifySoftwareToken"));
            assertTrue(e.canRetry());
            assertTrue(e.getMessage().contains(wrong.awsErrorDetails().errorCode()), e.getMessage());
            assertFalse(e.getMessage().contains(SERVER_TEXT));
        }
    }

    @Test
    void aNewPasswordAgainstThePolicyOrAMissingAttributeMayBeRetried() {
        WrongAnswerException policy = assertInstanceOf(WrongAnswerException.class, FAILURES.ofChallenge(
                service(InvalidPasswordException.builder(), "InvalidPasswordException", 400),
                "RespondToAuthChallenge (NEW_PASSWORD_REQUIRED)"));
        assertTrue(policy.canRetry());
        assertTrue(policy.getMessage().contains("password policy"), policy.getMessage());
        WrongAnswerException attribute = assertInstanceOf(WrongAnswerException.class, FAILURES.ofChallenge(
                service(InvalidParameterException.builder(), "InvalidParameterException", 400),
                "RespondToAuthChallenge (NEW_PASSWORD_REQUIRED)"));
        assertTrue(attribute.canRetry());
        assertFalse(attribute.getMessage().contains(SERVER_TEXT));
    }

    @Test
    void anExpiredCodeAsksToStartAgain() {
        assertInstanceOf(ChallengeExpiredException.class, FAILURES.ofChallenge(
                service(ExpiredCodeException.builder(), "ExpiredCodeException", 400), "RespondToAuthChallenge (EMAIL_OTP)"));
    }

    @Test
    void aLockedOutUserCannotRetry() {
        WrongAnswerException e = assertInstanceOf(WrongAnswerException.class, FAILURES.ofChallenge(
                notAuthorized("Password attempts exceeded"), "RespondToAuthChallenge (SMS_MFA)"));
        assertFalse(e.canRetry());
    }

    @Test
    void aSignInTheCustomTriggersFailedCannotBeRetried() {
        WrongAnswerException e = assertInstanceOf(WrongAnswerException.class, FAILURES.ofChallenge(
                new CompletionException(notAuthorized("Incorrect username or password.")),
                "RespondToAuthChallenge (CUSTOM_CHALLENGE)"));
        assertFalse(e.canRetry());
        assertTrue(e.getMessage().contains("RespondToAuthChallenge (CUSTOM_CHALLENGE)"), e.getMessage());
        assertTrue(e.getMessage().contains("SignIn.start"), e.getMessage());
        assertFalse(e.getMessage().contains("Incorrect username"), "Cognito's text is read, never copied");
    }

    @Test
    void anotherRefusalOfAnAnswerPointsAtTheConfiguration() {
        TransportException e = assertInstanceOf(TransportException.class, FAILURES.ofChallenge(
                notAuthorized("Unable to verify secret hash for client abc"), "RespondToAuthChallenge (SMS_MFA)"));
        assertTrue(e.getMessage().contains("client secret"), e.getMessage());
        assertFalse(e.getMessage().contains("Unable to verify"), e.getMessage());
    }

    @Test
    void aRefusedSecretHashAtSignInPointsAtTheClientSecretNotThePassword() {
        for (String said : new String[] {"Unable to verify secret hash for client abc",
                "Client abc is configured with secret but SECRET_HASH was not received"}) {
            TransportException e = assertInstanceOf(TransportException.class,
                    FAILURES.ofSignIn(notAuthorized(said), Call.SRP_SIGN_IN));
            assertTrue(e.getMessage().contains("client-secret"), e.getMessage());
            assertFalse(e.getMessage().contains(said));
        }
    }

    @Test
    void aTimeoutNamesTheKeyItsValueAndTheAttempts() {
        CognitoFailures failures = new CognitoFailures(Duration.ofMillis(800),
                "cognito-secured.pools.partners.cognito.timeout");
        Throwable t = failures.ofRefresh(new CompletionException(
                software.amazon.awssdk.core.exception.ApiCallTimeoutException.builder()
                        .message("Client execution did not complete before the specified timeout configuration: 800 millis")
                        .numAttempts(3)
                        .build()), Call.REFRESH_TOKEN_AUTH);
        CallTimeoutException e = assertInstanceOf(CallTimeoutException.class, t);
        assertEquals("Cognito did not answer InitiateAuth (REFRESH_TOKEN_AUTH) within"
                + " cognito-secured.pools.partners.cognito.timeout (800ms, after 3 attempts). The tokens are kept."
                + " Check that Cognito can be reached from here, or raise cognito-secured.pools.partners.cognito.timeout.",
                e.getMessage());
        assertEquals(CallTimeoutException.Part.COGNITO, e.part());
        assertEquals("cognito-secured.pools.partners.cognito.timeout", e.key());
    }

    /** What the SDK reports when its own timeout aborted the connection and the abort won the race. */
    private static SdkClientException abortedConnection() {
        return SdkClientException.builder().message("Unable to execute HTTP request: The connection was closed during"
                + " the request").cause(new java.io.IOException("The connection was closed")).numAttempts(3).build();
    }

    @Test
    void aConnectionAbortedWhenTheBudgetRanOutIsTheTimeout() {
        CognitoFailures failures = new CognitoFailures(Duration.ofSeconds(1), "cognito-secured.cognito.timeout");
        SdkClientException aborted = abortedConnection();

        Throwable t = failures.ofSignIn(failures.timeoutIfItWasOne(new CompletionException(aborted),
                Duration.ofMillis(1_000)));

        CallTimeoutException e = assertInstanceOf(CallTimeoutException.class, t);
        assertEquals(CallTimeoutException.Part.COGNITO, e.part());
        assertEquals("cognito-secured.cognito.timeout", e.key());
        assertTrue(e.getMessage().contains("within cognito-secured.cognito.timeout (1s, after 3 attempts)"),
                e.getMessage());
        assertSame(aborted, e.getCause().getCause(), "what the SDK reported stays in the cause chain");
    }

    @Test
    void aTimeoutTheSdkWrappedIsTheTimeoutAtAnyElapsedTime() {
        software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException attempt =
                software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException.builder()
                        .message("HTTP request execution did not complete before the specified timeout").build();
        SdkClientException wrapped = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(attempt).build();

        Throwable t = FAILURES.ofSignIn(FAILURES.timeoutIfItWasOne(wrapped, Duration.ofMillis(1)));

        CallTimeoutException e = assertInstanceOf(CallTimeoutException.class, t);
        assertEquals(CallTimeoutException.Part.COGNITO, e.part());
        assertSame(attempt, e.getCause());
    }

    @Test
    void theLastAttemptsTimeoutAfterTheWholeBudgetIsTheCallTimeout() {
        CognitoFailures failures = new CognitoFailures(Duration.ofSeconds(3), "cognito-secured.cognito.timeout");
        software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException attempt =
                software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException.builder()
                        .message("HTTP request execution did not complete before the specified timeout").numAttempts(3)
                        .build();

        CallTimeoutException e = assertInstanceOf(CallTimeoutException.class,
                failures.ofRefresh(failures.timeoutIfItWasOne(attempt, Duration.ofMillis(3_010)),
                        Call.REFRESH_TOKEN_AUTH));

        assertTrue(e.getMessage().startsWith("Cognito did not answer InitiateAuth (REFRESH_TOKEN_AUTH) within"
                + " cognito-secured.cognito.timeout (3s, after 3 attempts)"), e.getMessage());
        assertSame(attempt, e.getCause().getCause());
    }

    @Test
    void aConnectionFailureWithinTheBudgetStaysATransportFailure() {
        CognitoFailures failures = new CognitoFailures(Duration.ofSeconds(1), "cognito-secured.cognito.timeout");
        SdkClientException aborted = abortedConnection();
        AwsServiceException serverError = service(InternalErrorException.builder(), "InternalErrorException", 500);

        TransportException e = assertInstanceOf(TransportException.class,
                failures.ofSignIn(failures.timeoutIfItWasOne(aborted, Duration.ofMillis(999))));
        assertSame(aborted, e.getCause());
        assertSame(serverError, failures.timeoutIfItWasOne(serverError, Duration.ofSeconds(5)),
                "Cognito's answers are never a timeout");
    }

    @Test
    void throttlingAfterTheRetriesSaysSo() {
        AwsServiceException throttled = TooManyRequestsException.builder().message(SERVER_TEXT).statusCode(400)
                .requestId("req-42").numAttempts(3)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                        .errorMessage(SERVER_TEXT).build())
                .build();
        TransportException e = assertInstanceOf(TransportException.class,
                FAILURES.ofSignIn(new CompletionException(throttled)));
        assertEquals("Cognito throttled InitiateAuth (USER_PASSWORD_AUTH) (TooManyRequestsException, HTTP 400,"
                + " request id req-42, after 3 attempts; the AWS SDK's retries did not get through). Cognito is"
                + " throttling requests; try again later.", e.getMessage());
        assertFalse(e.getMessage().contains(SERVER_TEXT));
    }
}
