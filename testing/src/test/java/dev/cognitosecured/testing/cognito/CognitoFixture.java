package dev.cognitosecured.testing.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitosecured.testing.junit.StandInClients;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * One LocalCognito on a manual clock, and the real AWS SDK client pointed at it (URL connection client, dummy
 * static credentials, no retries), with the small steps the tests repeat.
 */
final class CognitoFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final ManualClock clock = ManualClock.at(START);
    final LocalCognito cognito = LocalCognito.builder().clock(clock).start();
    final CognitoIdentityProviderClient sdk = StandInClients.sdkFor(cognito);

    /** {@code InitiateAuth USER_PASSWORD_AUTH}, with {@code SECRET_HASH} when the client has a secret. */
    InitiateAuthResponse passwordAuth(AppClient app, String username, String password) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("USERNAME", username);
        parameters.put("PASSWORD", password);
        app.clientSecret().ifPresent(secret -> parameters.put("SECRET_HASH", secretHash(secret, username, app.clientId())));
        return sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(parameters));
    }

    /** {@code RespondToAuthChallenge} with {@code USERNAME} (and {@code SECRET_HASH}) added to {@code answers}. */
    RespondToAuthChallengeResponse respond(AppClient app, ChallengeNameType challenge, String session, String username,
            Map<String, String> answers) {
        Map<String, String> responses = new HashMap<>(answers);
        responses.put("USERNAME", username);
        app.clientSecret().ifPresent(secret -> responses.put("SECRET_HASH", secretHash(secret, username, app.clientId())));
        return sdk.respondToAuthChallenge(r -> r.clientId(app.clientId()).challengeName(challenge).session(session)
                .challengeResponses(responses));
    }

    /** Base64(HMAC-SHA256(secret, username + clientId)), computed here independently of LocalCognito. */
    static String secretHash(String secret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The claims of {@code jwt} after checking its RS256 signature against the pool's JWKS, fetched over HTTP. */
    JWTClaimsSet verifiedClaims(UserPool pool, String jwt) {
        try {
            SignedJWT parsed = SignedJWT.parse(jwt);
            JWKSet keys = JWKSet.parse(get(cognito.jwksUri(pool)).body());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(parsed.getHeader().getKeyID());
            assertTrue(key != null, "the JWKS has the token's kid");
            assertTrue(parsed.verify(new RSASSAVerifier(key)), "the signature verifies against the JWKS");
            return parsed.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        return StandInClients.send(request);
    }

    /** Asserts that {@code call} fails with {@code type} carrying exactly {@code message}; returns the exception. */
    static <T extends AwsServiceException> T assertRejected(Class<T> type, String message, Executable call) {
        T error = assertThrows(type, call);
        assertEquals(message, error.awsErrorDetails().errorMessage());
        return error;
    }

    @Override
    public void close() {
        sdk.close();
        cognito.close();
    }
}
