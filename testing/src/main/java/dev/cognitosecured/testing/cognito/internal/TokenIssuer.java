package dev.cognitosecured.testing.cognito.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitosecured.secretscan.IssuedSecrets;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * Signs access and ID tokens with claims as Cognito issues them, RS256 with one RSA key per LocalCognito
 * (its {@code kid} in the header and in the JWKS). The issuer is {@code <LocalCognito endpoint>/<pool id>};
 * real Cognito's is {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}.
 */
final class TokenIssuer {

    private static final String ACCESS_SCOPE = "aws.cognito.signin.user.admin";

    private final String base;
    private final RSAKey key;
    private final RSASSASigner signer;
    private final RSASSAVerifier verifier;

    TokenIssuer(URI endpoint) {
        String text = endpoint.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(Ids.opaque(24))
                    .generate();
            this.signer = new RSASSASigner(key);
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create the RSA signing key", e);
        }
    }

    /** The {@code iss} of the pool's tokens. */
    String issuer(String poolId) {
        return base + "/" + poolId;
    }

    /** The JSON Web Key Set with the public key. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** An access token of {@code family} issued at {@code iat} (whole seconds) with {@code jti}. */
    String accessToken(TokenFamily family, String jti, long iat, long exp) {
        JWTClaimsSet.Builder claims = common(family, jti, iat, exp)
                .claim("token_use", "access")
                .claim("scope", ACCESS_SCOPE)
                .claim("client_id", family.client.id)
                .claim("username", family.user.username);
        family.deviceKey.ifPresent(deviceKey -> claims.claim("device_key", deviceKey));
        return sign(claims.build());
    }

    /** An ID token of {@code family}, with the user's attributes as claims. */
    String idToken(TokenFamily family, String jti, long iat, long exp) {
        JWTClaimsSet.Builder claims = common(family, jti, iat, exp)
                .claim("token_use", "id")
                .audience(family.client.id)
                .claim("cognito:username", family.user.username);
        for (Map.Entry<String, String> attribute : family.user.attributes.entrySet()) {
            String name = attribute.getKey();
            if (name.endsWith("_verified")) {
                claims.claim(name, Boolean.parseBoolean(attribute.getValue()));
            } else {
                claims.claim(name, attribute.getValue());
            }
        }
        return sign(claims.build());
    }

    /** The claims of {@code jwt} if it is a JWS this issuer signed. */
    Optional<JWTClaimsSet> verify(String jwt) {
        try {
            SignedJWT parsed = SignedJWT.parse(jwt);
            if (!parsed.verify(verifier)) {
                return Optional.empty();
            }
            return Optional.of(parsed.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private JWTClaimsSet.Builder common(TokenFamily family, String jti, long iat, long exp) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(family.user.sub)
                .issuer(issuer(family.client.pool.id))
                .claim("origin_jti", family.originJti)
                .claim("event_id", family.eventId)
                .claim("auth_time", family.authTime)
                .issueTime(Date.from(Instant.ofEpochSecond(iat)))
                .expirationTime(Date.from(Instant.ofEpochSecond(exp)))
                .jwtID(jti);
        if (!family.user.groups.isEmpty()) {
            claims.claim("cognito:groups", java.util.List.copyOf(family.user.groups));
        }
        return claims;
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        String token = jwt.serialize();
        IssuedSecrets.record(IssuedSecrets.Kind.TOKEN, token);
        return token;
    }
}
