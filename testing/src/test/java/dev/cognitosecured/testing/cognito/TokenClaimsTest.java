package dev.cognitosecured.testing.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

class TokenClaimsTest {

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool();
    private final AppClient app = f.cognito.createClient(pool, ClientSettings.defaults()
            .withAccessTokenValidity(Duration.ofSeconds(30))
            .withIdTokenValidity(Duration.ofSeconds(45)));
    private final LocalUser alice = f.cognito.createUser(pool, NewUser.withPassword("alice", "Corr3ct-horse")
            .attribute("email", "alice@example.com")
            .attribute("email_verified", "true")
            .attribute("name", "Alice")
            .groups("admins", "staff"));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void accessTokenCarriesCognitosClaimsAndVerifiesAgainstTheJwks() throws ParseException {
        AuthenticationResultType result = f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult();

        JWTClaimsSet access = f.verifiedClaims(pool, result.accessToken());
        long now = CognitoFixture.START.getEpochSecond();
        assertEquals(f.cognito.endpoint() + "/" + pool.id(), access.getIssuer());
        assertEquals(f.cognito.issuer(pool).toString(), access.getIssuer());
        assertEquals("access", access.getClaim("token_use"));
        assertEquals(app.clientId(), access.getClaim("client_id"));
        assertEquals("alice", access.getClaim("username"));
        assertEquals(alice.sub(), access.getSubject());
        assertEquals(List.of("admins", "staff"), access.getStringListClaim("cognito:groups"));
        assertEquals("aws.cognito.signin.user.admin", access.getClaim("scope"));
        assertEquals(now, access.getLongClaim("auth_time"));
        assertEquals(now, access.getIssueTime().toInstant().getEpochSecond());
        assertEquals(now + 30, access.getExpirationTime().toInstant().getEpochSecond());
        assertEquals(30, result.expiresIn());
        assertTrue(access.getAudience().isEmpty(), "an access token has no aud");
        assertTrue(access.getJWTID() != null && access.getStringClaim("origin_jti") != null
                && access.getStringClaim("event_id") != null);
        SignedJWT jwt = SignedJWT.parse(result.accessToken());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertNull(jwt.getHeader().getType(), "Cognito's tokens have no typ header");
    }

    @Test
    void idTokenCarriesTheUsersAttributes() throws ParseException {
        AuthenticationResultType result = f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult();

        JWTClaimsSet id = f.verifiedClaims(pool, result.idToken());
        JWTClaimsSet access = f.verifiedClaims(pool, result.accessToken());
        assertEquals("id", id.getClaim("token_use"));
        assertEquals(List.of(app.clientId()), id.getAudience());
        assertEquals("alice", id.getClaim("cognito:username"));
        assertEquals("alice@example.com", id.getClaim("email"));
        assertEquals(Boolean.TRUE, id.getClaim("email_verified"));
        assertEquals("Alice", id.getClaim("name"));
        assertEquals(alice.sub(), id.getSubject());
        assertEquals(CognitoFixture.START.getEpochSecond() + 45, id.getExpirationTime().toInstant().getEpochSecond());
        assertEquals(access.getStringClaim("origin_jti"), id.getStringClaim("origin_jti"));
        assertNotEquals(access.getJWTID(), id.getJWTID());
        assertFalse(SignedJWT.parse(result.idToken()).getPayload().toJSONObject().containsKey("client_id"));
    }

    @Test
    void refreshedTokensKeepTheSignInsOriginAndAuthTime() throws ParseException {
        AuthenticationResultType first = f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult();
        f.clock.advance(Duration.ofMinutes(10));

        AuthenticationResultType refreshed = f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId())
                .refreshToken(first.refreshToken())).authenticationResult();

        JWTClaimsSet before = f.verifiedClaims(pool, first.accessToken());
        JWTClaimsSet after = f.verifiedClaims(pool, refreshed.accessToken());
        assertEquals(before.getStringClaim("origin_jti"), after.getStringClaim("origin_jti"));
        assertEquals(before.getLongClaim("auth_time"), after.getLongClaim("auth_time"));
        assertEquals(CognitoFixture.START.getEpochSecond() + 600, after.getIssueTime().toInstant().getEpochSecond());
        assertNotEquals(before.getJWTID(), after.getJWTID());
    }

    @Test
    void openIdConfigurationNamesTheIssuerAndTheJwks() {
        URI configuration = URI.create(f.cognito.issuer(pool) + "/.well-known/openid-configuration");

        JsonObject document = Json.createReader(new StringReader(CognitoFixture.get(configuration).body())).readObject();

        assertEquals(f.cognito.issuer(pool).toString(), document.getString("issuer"));
        assertEquals(f.cognito.jwksUri(pool).toString(), document.getString("jwks_uri"));
    }

    @Test
    void theJwksOfAnUnknownPoolIsNotFound() {
        HttpResponse<String> response = CognitoFixture.get(f.cognito.endpoint().resolve("/us-east-1_nosuch/.well-known/jwks.json"));

        assertEquals(404, response.statusCode());
    }

    @Test
    void theJwksHoldsOnlyThePublicKey() {
        JsonObject key = Json.createReader(new StringReader(CognitoFixture.get(f.cognito.jwksUri(pool)).body()))
                .readObject().getJsonArray("keys").getJsonObject(0);

        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals("sig", key.getString("use"));
        assertFalse(key.containsKey("d"), "no private exponent");
    }
}
