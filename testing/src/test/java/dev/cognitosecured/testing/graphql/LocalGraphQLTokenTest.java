package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitosecured.testing.cognito.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token checks, answered in AppSync's wire format, over real HTTP. */
class LocalGraphQLTokenTest {

    private static final String EXPIRED_BODY =
            "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"Token has expired.\"}]}";
    private static final String INVALID_BODY =
            "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"Valid authorization header not provided.\"}]}";
    private static final String GET_TODO = GraphQLHttp.body("query GetTodo { getTodo(id: \"7\") { id title } }");
    private static final Instant EXPIRY = NOW.plusSeconds(60);

    private static final TestTokens TOKENS = new TestTokens("key-1");
    private final ManualClock clock = ManualClock.at(NOW);
    private LocalGraphQL server;
    private GraphQLHttp http;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private void start(UnaryOperator<LocalGraphQL.Builder> configure) {
        server = configure.apply(TestSchema.builder(TOKENS, clock)).start();
        http = new GraphQLHttp(server.endpoint());
    }

    private void start() {
        start(builder -> builder);
    }

    private String aliceToken() {
        return TOKENS.accessToken("alice", List.of(), NOW, EXPIRY);
    }

    @Test
    void validAccessTokenGetsData() throws Exception {
        start();
        HttpResponse<String> response = http.post(aliceToken(), GET_TODO);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"data\":{\"getTodo\":{\"id\":\"7\",\"title\":\"Buy milk\"}}}", response.body());
        assertEquals(Optional.empty(), response.headers().firstValue("x-amzn-ErrorType"));
    }

    @Test
    void dataFetchersSeeTheVerifiedCaller() throws Exception {
        start();
        String token = TOKENS.accessToken("alice", List.of("editors", "admins"), NOW, EXPIRY);
        HttpResponse<String> response = http.post(token, GraphQLHttp.body("{ me { username subject groups tokenUse } }"));

        assertEquals(Map.of("username", "alice", "subject", TestTokens.subjectOf("alice"),
                "groups", List.of("admins", "editors"), "tokenUse", "ACCESS"), GraphQLHttp.data(response).get("me"));
    }

    @Test
    void expiredTokenIsAnsweredAsAppSyncDoes() throws Exception {
        start();
        String token = aliceToken();
        clock.advance(Duration.ofSeconds(61));

        HttpResponse<String> response = http.post(token, GET_TODO);

        assertEquals(401, response.statusCode());
        assertEquals(Optional.of("UnauthorizedException"), response.headers().firstValue("x-amzn-ErrorType"));
        assertEquals(EXPIRED_BODY, response.body());
        assertEquals(ReceivedRequest.Outcome.TOKEN_EXPIRED, server.requests().get(0).outcome());
    }

    @Test
    void tokenWhoseExpIsExactlyNowIsExpired() throws Exception {
        start();
        String token = aliceToken();

        clock.set(EXPIRY.minusMillis(1));
        assertEquals(200, http.post(token, GET_TODO).statusCode());

        clock.set(EXPIRY);
        HttpResponse<String> atExpiry = http.post(token, GET_TODO);
        assertEquals(401, atExpiry.statusCode());
        assertEquals(EXPIRED_BODY, atExpiry.body());
    }

    @Test
    void leewayAcceptsATokenThatLongAfterExp() throws Exception {
        start(builder -> builder.leeway(Duration.ofSeconds(5)));
        String token = aliceToken();

        clock.set(EXPIRY.plusSeconds(4));
        assertEquals(200, http.post(token, GET_TODO).statusCode());

        clock.set(EXPIRY.plusSeconds(5));
        assertEquals(EXPIRED_BODY, http.post(token, GET_TODO).body());
    }

    @Test
    void missingHeaderIsInvalid() throws Exception {
        start();
        HttpResponse<String> response = http.post(Optional.empty(), GET_TODO);

        assertInvalid(response);
        assertEquals(Optional.empty(), server.requests().get(0).tokenFingerprint());
    }

    @Test
    void emptyOrGarbledHeaderIsInvalid() throws Exception {
        start();
        assertInvalid(http.post("", GET_TODO));
        assertInvalid(http.post("not-a-jwt", GET_TODO));
        assertInvalid(http.post("a.b.c", GET_TODO));
    }

    @Test
    void tokenSignedByAnotherKeyIsInvalid() throws Exception {
        start();
        TestTokens impostor = new TestTokens("key-1"); // same key id, different key
        assertInvalid(http.post(impostor.accessToken("alice", List.of(), NOW, EXPIRY), GET_TODO));
    }

    @Test
    void tokenSignedByAnUnknownKeyIdIsInvalid() throws Exception {
        start();
        TestTokens other = new TestTokens("key-2");
        assertInvalid(http.post(other.accessToken("alice", List.of(), NOW, EXPIRY), GET_TODO));
    }

    @Test
    void expiredTokenWithABadSignatureIsInvalidNotExpired() throws Exception {
        start();
        TestTokens impostor = new TestTokens("key-1");
        String token = impostor.accessToken("alice", List.of(), NOW, EXPIRY);
        clock.advance(Duration.ofHours(1));

        assertInvalid(http.post(token, GET_TODO));
    }

    @Test
    void tamperedPayloadIsInvalid() throws Exception {
        start();
        String[] parts = aliceToken().split("\\.");
        String otherPayload = TOKENS.accessToken("mallory", List.of("admins"), NOW, EXPIRY).split("\\.")[1];

        assertInvalid(http.post(parts[0] + "." + otherPayload + "." + parts[2], GET_TODO));
    }

    @Test
    void unsignedAndHmacTokensAreInvalid() throws Exception {
        start();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).subject("s")
                .claim("token_use", "access").expirationTime(java.util.Date.from(EXPIRY)).build();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            hmac.sign(new MACSigner(new byte[32]));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }

        assertInvalid(http.post(new PlainJWT(claims).serialize(), GET_TODO));
        assertInvalid(http.post(hmac.serialize(), GET_TODO));
    }

    @Test
    void wrongIssuerIsInvalid() throws Exception {
        start();
        String token = TOKENS.accessToken("alice", NOW, EXPIRY,
                claims -> claims.issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool"));

        assertInvalid(http.post(token, GET_TODO));
        assertTrue(server.requests().get(0).rejection().orElseThrow().contains("iss"),
                server.requests().get(0).rejection().orElseThrow());
    }

    @Test
    void idTokenIsInvalidByDefault() throws Exception {
        start();
        assertInvalid(http.post(TOKENS.idToken("alice", NOW, EXPIRY), GET_TODO));
        assertTrue(server.requests().get(0).rejection().orElseThrow().contains("token_use"));
    }

    @Test
    void tokenWithoutTokenUseIsInvalid() throws Exception {
        start();
        assertInvalid(http.post(TOKENS.accessToken("alice", NOW, EXPIRY, claims -> claims.claim("token_use", null)),
                GET_TODO));
    }

    @Test
    void idTokenIsAcceptedWhenConfigured() throws Exception {
        start(builder -> builder.acceptTokenUse(TokenUse.ID));
        HttpResponse<String> response = http.post(TOKENS.idToken("alice", NOW, EXPIRY),
                GraphQLHttp.body("{ me { username tokenUse } }"));

        assertEquals(Map.of("username", "alice", "tokenUse", "ID"), GraphQLHttp.data(response).get("me"));
        assertInvalid(http.post(aliceToken(), GET_TODO));
    }

    @Test
    void tokenOfAnotherAppClientIsInvalidWhenClientsAreRestricted() throws Exception {
        start(builder -> builder.acceptClientIds(TestTokens.CLIENT_ID));
        assertEquals(200, http.post(aliceToken(), GET_TODO).statusCode());
        assertInvalid(http.post(TOKENS.accessToken("alice", NOW, EXPIRY, claims -> claims.claim("client_id", "other")),
                GET_TODO));
    }

    @Test
    void bearerPrefixIsInvalidByDefault() throws Exception {
        start();
        assertInvalid(http.post("Bearer " + aliceToken(), GET_TODO));
    }

    @Test
    void bearerPrefixIsAcceptedWhenAllowed() throws Exception {
        start(builder -> builder.acceptBearerPrefix(true));
        assertEquals(200, http.post("Bearer " + aliceToken(), GET_TODO).statusCode());
        assertEquals(200, http.post(aliceToken(), GET_TODO).statusCode());
    }

    private static void assertInvalid(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(Optional.of("UnauthorizedException"), response.headers().firstValue("x-amzn-ErrorType"));
        assertEquals(INVALID_BODY, response.body());
    }
}
