package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Mints Cognito-shaped RS256 tokens with a key of its own, whose public half the tests trust. */
final class TestTokens {

    static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool";
    static final String CLIENT_ID = "test-client";

    private final RSAKey key;

    TestTokens(String keyId) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** An access token of {@code username} in {@code groups}, issued at {@code issuedAt}, expiring at {@code expiresAt}. */
    String accessToken(String username, List<String> groups, Instant issuedAt, Instant expiresAt) {
        return sign(claims(username, groups, issuedAt, expiresAt).build());
    }

    /** An access token as {@link #accessToken} with changes. */
    String accessToken(String username, Instant issuedAt, Instant expiresAt, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(username, List.of(), issuedAt, expiresAt)).build());
    }

    /** An id token of {@code username}. */
    String idToken(String username, Instant issuedAt, Instant expiresAt) {
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subjectOf(username))
                .audience(CLIENT_ID)
                .claim("token_use", "id")
                .claim("cognito:username", username)
                .claim("email", username + "@example.com")
                .issueTime(Date.from(issuedAt))
                .claim("auth_time", issuedAt.getEpochSecond())
                .expirationTime(Date.from(expiresAt))
                .build());
    }

    static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static JWTClaimsSet.Builder claims(String username, List<String> groups, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subjectOf(username))
                .claim("client_id", CLIENT_ID)
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("username", username)
                .issueTime(Date.from(issuedAt))
                .claim("auth_time", issuedAt.getEpochSecond())
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        if (!groups.isEmpty()) {
            claims.claim("cognito:groups", groups);
        }
        return claims;
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
