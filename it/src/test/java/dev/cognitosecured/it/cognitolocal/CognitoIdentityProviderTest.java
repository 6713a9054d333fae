package dev.cognitosecured.it.cognitolocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.spi.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;

/** The runtime's {@link CognitoIdentityProvider} over HTTP against cognito-local. */
class CognitoIdentityProviderTest {

    @RegisterExtension
    static final CognitoLocalExtension cognito = new CognitoLocalExtension();

    private static final String PASSWORD = "Correct-Horse-7";

    private final RequestCounter counter = new RequestCounter();
    private CognitoIdentityProvider provider;

    @AfterEach
    void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    private CognitoIdentityProvider provider(PoolConfig config) {
        provider = cognito.provider(config, counter);
        return provider;
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** The exception a stage completed with. */
    private static Throwable failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return e.getCause();
    }

    @Test
    void signsInWithAPasswordAndReadsLifetimeAndUserNameFromTheTokens() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false).createUser("alice", PASSWORD);

        Tokens tokens = await(provider(pool.config()).signIn("alice", PASSWORD.toCharArray()));

        assertEquals(Duration.ofSeconds(60), tokens.lifetime());
        assertEquals("alice", tokens.username());
        assertTrue(tokens.refreshToken().isPresent());
        assertEquals(3, tokens.accessToken().split("\\.").length, "the access token is a JWT");
        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH"), counter.sent());
        InitiateAuthRequest sent = (InitiateAuthRequest) counter.requests().get(0);
        assertFalse(sent.authParameters().containsKey("SECRET_HASH"), "a client without a secret sends no hash");
    }

    @Test
    void theLifetimeIsTheShorterOfTheTwoTokens() {
        LocalPool shorterId = cognito.createPool(Duration.ofSeconds(90), Duration.ofSeconds(15), false)
                .createUser("bob", PASSWORD);
        LocalPool shorterAccess = cognito.createPool(Duration.ofSeconds(20), Duration.ofSeconds(300), false)
                .createUser("bob", PASSWORD);

        Tokens idLimited = await(provider(shorterId.config()).signIn("bob", PASSWORD.toCharArray()));
        provider.close();
        Tokens accessLimited = await(provider(shorterAccess.config()).signIn("bob", PASSWORD.toCharArray()));

        assertEquals(Duration.ofSeconds(15), idLimited.lifetime());
        assertEquals(Duration.ofSeconds(20), accessLimited.lifetime());
    }

    @Test
    void refreshWithRefreshTokenAuthReturnsNewTokensAndKeepsTheRefreshToken() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false).createUser("carol", PASSWORD);
        CognitoIdentityProvider provider = provider(pool.config());
        Tokens signedIn = await(provider.signIn("carol", PASSWORD.toCharArray()));

        Tokens refreshed = await(provider.refresh(signedIn));
        Tokens current = signedIn.refreshedBy(refreshed);

        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH", "InitiateAuth REFRESH_TOKEN_AUTH"), counter.sent());
        assertTrue(refreshed.refreshToken().isEmpty(), "REFRESH_TOKEN_AUTH returns no refresh token");
        assertEquals(signedIn.refreshToken(), current.refreshToken());
        assertNotEquals(signedIn.accessToken(), refreshed.accessToken());
        assertNotEquals(signedIn.idToken(), refreshed.idToken());
        assertEquals("carol", refreshed.username());
        assertEquals(Duration.ofSeconds(60), refreshed.lifetime());

        // The kept refresh token still works.
        Tokens again = await(provider.refresh(current));
        assertEquals("carol", again.username());
    }

    @Test
    void aWrongPasswordIsAWrongAnswerThatDoesNotShowThePassword() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false).createUser("dave", PASSWORD);
        String wrong = "Wrong-Password-42";

        Throwable t = failure(provider(pool.config()).signIn("dave", wrong.toCharArray()));

        WrongAnswerException e = assertInstanceOf(WrongAnswerException.class, t);
        assertTrue(e.canRetry());
        assertTrue(e.getMessage().contains("user name or password is wrong"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertFalse(String.valueOf(e.getCause()).contains(wrong));
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false).createUser("erin", PASSWORD);
        CognitoIdentityProvider provider = provider(pool.config());

        Throwable unknown = failure(provider.signIn("nobody", PASSWORD.toCharArray()));
        Throwable wrong = failure(provider.signIn("erin", "Not-Her-Password-1".toCharArray()));

        assertInstanceOf(WrongAnswerException.class, unknown);
        assertInstanceOf(WrongAnswerException.class, wrong);
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void aRevokedRefreshTokenRequiresSigningInAgain() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false).createUser("frank", PASSWORD);
        CognitoIdentityProvider provider = provider(pool.config());
        Tokens tokens = await(provider.signIn("frank", PASSWORD.toCharArray()));

        await(provider.revoke(tokens));
        Throwable t = failure(provider.refresh(tokens));

        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH", "RevokeToken", "InitiateAuth REFRESH_TOKEN_AUTH"),
                counter.sent());
        SignInRequiredException e = assertInstanceOf(SignInRequiredException.class, t);
        assertTrue(e.getMessage().contains("NotAuthorizedException"), e.getMessage());
        assertFalse(e.getMessage().contains(tokens.refreshToken().orElseThrow()));
    }

    @Test
    void aClientWithASecretSendsTheSecretHashWithTheAccessTokensUserName() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), true).createUser("grace", PASSWORD);
        CognitoIdentityProvider provider = provider(pool.config());

        Tokens tokens = await(provider.signIn("grace", PASSWORD.toCharArray()));
        await(provider.refresh(tokens));
        await(provider.revoke(tokens));

        List<?> requests = counter.requests();
        String signInHash = ((InitiateAuthRequest) requests.get(0)).authParameters().get("SECRET_HASH");
        String refreshHash = ((InitiateAuthRequest) requests.get(1)).authParameters().get("SECRET_HASH");
        assertTrue(signInHash != null && !signInHash.isEmpty(), "sign-in sends SECRET_HASH");
        // Both hash "grace" + client id: the refresh takes the name from the access token's username claim.
        assertEquals(signInHash, refreshHash);
        assertEquals(44, signInHash.length(), "Base64 of a 32-byte HMAC-SHA256");
        assertEquals(pool.clientSecret(), Optional.ofNullable(((RevokeTokenRequest) requests.get(2)).clientSecret()));
    }

    @Test
    void aChallengeFailsTheSignInWithoutShowingTheSession() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false)
                .createUserWithTemporaryPassword("heidi", "Temporary-Pass-1");

        Throwable t = failure(provider(pool.config()).signIn("heidi", "Temporary-Pass-1".toCharArray()));

        SignInRequiredException e = assertInstanceOf(SignInRequiredException.class, t);
        assertTrue(e.getMessage().contains("NEW_PASSWORD_REQUIRED"), e.getMessage());
        assertTrue(e.getMessage().contains("not support"), e.getMessage());
        assertFalse(e.getMessage().toLowerCase(Locale.ROOT).contains("session"), e.getMessage());
    }

    @Test
    void getTokensFromRefreshTokenIsUnsupportedByCognitoLocalAndReportedAsATransportFailure() {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false).createUser("ivan", PASSWORD);
        CognitoIdentityProvider provider =
                provider(pool.config(PoolConfig.RefreshMode.GET_TOKENS_FROM_REFRESH_TOKEN));
        Tokens tokens = await(provider.signIn("ivan", PASSWORD.toCharArray()));

        Throwable t = failure(provider.refresh(tokens));

        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH", "GetTokensFromRefreshToken"), counter.sent());
        TransportException e = assertInstanceOf(TransportException.class, t);
        assertEquals(500, e.status().orElseThrow());
        assertTrue(e.getMessage().contains("GetTokensFromRefreshToken"), e.getMessage());
        assertFalse(e.getMessage().contains(tokens.refreshToken().orElseThrow()));
    }

    @Test
    void aServerThatHangsUpIsATransportFailure() throws Exception {
        LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false);
        try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                while (!hangsUp.isClosed()) {
                    try (Socket connection = hangsUp.accept()) {
                        connection.setSoLinger(true, 0); // reset, without answering
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hangs-up");
            acceptor.setDaemon(true);
            acceptor.start();
            PoolConfig base = pool.config();
            PoolConfig broken = new PoolConfig(base.name(), base.region(), base.userPoolId(), base.clientId(),
                    base.clientSecret(), Optional.of(URI.create("http://127.0.0.1:" + hangsUp.getLocalPort())),
                    base.authFlow(), base.refreshMode(), base.sessionScope(), base.prefetch(),
                    base.graphqlEndpoint(), base.authorizationPrefix());

            Throwable t = failure(provider(broken).signIn("alice", PASSWORD.toCharArray()));

            TransportException e = assertInstanceOf(TransportException.class, t);
            assertTrue(e.status().isEmpty(), "no HTTP answer arrived");
            assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
            assertFalse(e.getMessage().contains(PASSWORD));
            assertInstanceOf(SdkClientException.class, e.getCause(), "the SDK's client exception is the cause");
        }
    }
}
