package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

class FaultInjectionTest {

    private static final String PASSWORD = "Corr3ct-horse";

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool();
    private final AppClient app = f.cognito.createClient(pool, false);

    FaultInjectionTest() {
        f.cognito.createUser(pool, "alice", PASSWORD);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void throttlingSurfacesAsTooManyRequestsForTheNextRequestsOnly() {
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.throttling(), 2);

        assertRejected(TooManyRequestsException.class, "Rate exceeded", () -> f.passwordAuth(app, "alice", PASSWORD));
        assertRejected(TooManyRequestsException.class, "Rate exceeded", () -> f.passwordAuth(app, "alice", PASSWORD));
        assertNotNull(f.passwordAuth(app, "alice", PASSWORD).authenticationResult());
        assertEquals(3, f.cognito.requestCount(Action.INITIATE_AUTH));
    }

    @Test
    void aServerErrorIsAn500InternalError() {
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.serverError(), 1);

        InternalErrorException error = assertThrows(InternalErrorException.class, () -> f.passwordAuth(app, "alice", PASSWORD));

        assertEquals(500, error.statusCode());
    }

    @Test
    void aClosedConnectionIsAClientSideIoError() {
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.closeConnection(), 1);

        SdkClientException error = assertThrows(SdkClientException.class, () -> f.passwordAuth(app, "alice", PASSWORD));

        assertEquals(1, f.cognito.requestCount(Action.INITIATE_AUTH), "the HTTP client did not retry behind our back");
        assertNotNull(f.passwordAuth(app, "alice", PASSWORD).authenticationResult());
    }

    @Test
    void aFaultWithoutACountLastsUntilCleared() {
        f.cognito.injectFault(Action.GET_TOKENS_FROM_REFRESH_TOKEN, Fault.throttling());
        String refreshToken = f.passwordAuth(app, "alice", PASSWORD).authenticationResult().refreshToken();

        for (int i = 0; i < 3; i++) {
            assertThrows(TooManyRequestsException.class, () -> refresh(refreshToken));
        }
        f.cognito.clearFaults();

        assertNotNull(refresh(refreshToken).accessToken());
        assertEquals(4, f.cognito.requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN));
        assertEquals(1, f.cognito.requestCount(Action.INITIATE_AUTH), "other actions are not affected");
    }

    @Test
    void aHeldRequestWaitsForTheGate() throws Exception {
        RequestGate gate = new RequestGate();
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate), 1);

        CompletableFuture<AuthenticationResultType> signIn =
                CompletableFuture.supplyAsync(() -> f.passwordAuth(app, "alice", PASSWORD).authenticationResult());
        gate.arrivals(1).get(10, TimeUnit.SECONDS);

        assertFalse(signIn.isDone(), "the answer waits for the gate");
        gate.open();
        assertNotNull(signIn.get(10, TimeUnit.SECONDS).accessToken());
        assertEquals(1, gate.arrived());
    }

    @Test
    void aDelayedAnswerComesAfterTheCallersTimeout() {
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.delay(Duration.ofSeconds(30)), 1);
        try (CognitoIdentityProviderClient impatient = CognitoIdentityProviderClient.builder()
                .endpointOverride(f.cognito.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofMillis(300)))
                .build()) {

            assertThrows(ApiCallTimeoutException.class, () -> impatient.initiateAuth(r -> r.clientId(app.clientId())
                    .authFlow("USER_PASSWORD_AUTH")
                    .authParameters(java.util.Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))));
        }
        assertNotNull(f.passwordAuth(app, "alice", PASSWORD).authenticationResult(), "the next request is not delayed");
    }

    @Test
    void serviceUnavailableIsAn503() {
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.serviceUnavailable(), 1);

        CognitoIdentityProviderException error =
                assertThrows(CognitoIdentityProviderException.class, () -> f.passwordAuth(app, "alice", PASSWORD));

        assertEquals(503, error.statusCode());
        assertEquals("ServiceUnavailableException", error.awsErrorDetails().errorCode());
        assertNotNull(f.passwordAuth(app, "alice", PASSWORD).authenticationResult(), "for the next request only");
    }

    @Test
    void aResetMidResponseBreaksTheAnswerOffAfterTheRequestTookEffect() {
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.resetMidResponse(), 1);

        SdkClientException error = assertThrows(SdkClientException.class, () -> f.passwordAuth(app, "alice", PASSWORD));

        assertFalse(error instanceof ApiCallTimeoutException, "the connection ended, the client did not wait: " + error);
        assertEquals(1, f.cognito.requestCount(Action.INITIATE_AUTH));
        assertNotNull(f.passwordAuth(app, "alice", PASSWORD).authenticationResult(), "a new connection is answered");
    }

    @Test
    void aSilentServerHoldsTheRequestUntilTheClientGivesUp() {
        f.cognito.injectFault(Action.INITIATE_AUTH, Fault.silent(), 1);
        try (CognitoIdentityProviderClient impatient = impatientClient(Duration.ofMillis(300))) {
            assertThrows(ApiCallTimeoutException.class, () -> impatient.initiateAuth(r -> r.clientId(app.clientId())
                    .authFlow("USER_PASSWORD_AUTH")
                    .authParameters(java.util.Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))));
        }
        assertEquals(1, f.cognito.requestCount(Action.INITIATE_AUTH));
        assertNotNull(f.passwordAuth(app, "alice", PASSWORD).authenticationResult(), "the next request is answered");
    }

    @Test
    void refusedConnectionsUntilLocalCognitoAcceptsThemAgainWithEverythingKept() {
        String refreshToken = f.passwordAuth(app, "alice", PASSWORD).authenticationResult().refreshToken();
        f.cognito.refuseConnections();
        f.cognito.refuseConnections(); // idempotent

        SdkClientException error = assertThrows(SdkClientException.class, () -> refresh(refreshToken));
        assertTrue(hasCause(error, java.net.ConnectException.class), "connection refused: " + error);
        assertEquals(0, f.cognito.requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN), "nothing arrived");

        f.cognito.acceptConnections();
        assertNotNull(refresh(refreshToken).accessToken(), "the same port, the same pools and tokens");
        assertEquals(1, f.cognito.requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN));
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private CognitoIdentityProviderClient impatientClient(Duration timeout) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(f.cognito.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout))
                .build();
    }

    @Test
    void countsCanBeReset() {
        f.passwordAuth(app, "alice", PASSWORD);
        f.cognito.resetRequestCounts();

        assertEquals(0, f.cognito.requestCount(Action.INITIATE_AUTH));
    }

    private AuthenticationResultType refresh(String refreshToken) {
        return f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId()).refreshToken(refreshToken))
                .authenticationResult();
    }
}
