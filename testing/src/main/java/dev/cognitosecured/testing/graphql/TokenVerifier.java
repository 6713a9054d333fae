package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Cognito user-pool token as AppSync does: an RS256 signature by one of the trusted keys,
 * {@code iss} equal to the trusted issuer, an accepted {@code token_use}, optionally an accepted
 * app client, and {@code exp} later than now on the injected clock (with the configured leeway,
 * zero by default: a token whose {@code exp} is exactly now is expired).
 *
 * <p>Every check but the expiry makes the token invalid; the expiry is judged last, so only an
 * otherwise valid token is reported as expired.
 */
final class TokenVerifier {

    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final String issuer;
    private final Set<TokenUse> acceptedUses;
    private final Set<String> acceptedClientIds;
    private final InstantSource clock;
    private final Duration leeway;

    TokenVerifier(JWKSource<SecurityContext> keys, String issuer, Set<TokenUse> acceptedUses,
            Set<String> acceptedClientIds, InstantSource clock, Duration leeway) {
        this.processor = new DefaultJWTProcessor<>();
        this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // The claims are judged in check(), on the injected clock, not by nimbus on the system clock.
        this.processor.setJWTClaimsSetVerifier((claims, context) -> { });
        this.issuer = issuer;
        this.acceptedUses = Set.copyOf(acceptedUses);
        this.acceptedClientIds = Set.copyOf(acceptedClientIds);
        this.clock = clock;
        this.leeway = leeway;
    }

    /** The same checks, but trusting {@code issuer} and the keys of {@code keys} instead. */
    TokenVerifier trusting(JWKSource<SecurityContext> keys, String issuer) {
        return new TokenVerifier(keys, issuer, acceptedUses, acceptedClientIds, clock, leeway);
    }

    TokenCheck check(Optional<String> token) {
        if (token.isEmpty() || token.get().isBlank()) {
            return TokenCheck.invalid("no token in the Authorization header");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token.get(), null);
        } catch (KeySourceException e) {
            return TokenCheck.keysUnavailable("the trusted keys (JWKS) could not be obtained: " + e.getMessage());
        } catch (ParseException e) {
            return TokenCheck.invalid("the Authorization header does not hold a JWT");
        } catch (BadJOSEException | JOSEException e) {
            return TokenCheck.invalid("the token is not signed with RS256 by a trusted key (" + e.getMessage() + ")");
        }
        try {
            return checkClaims(claims);
        } catch (ParseException e) {
            return TokenCheck.invalid("a claim has the wrong JSON type (" + e.getMessage() + ")");
        }
    }

    private TokenCheck checkClaims(JWTClaimsSet claims) throws ParseException {
        if (!issuer.equals(claims.getIssuer())) {
            return TokenCheck.invalid("iss is " + quoted(claims.getIssuer()) + " but " + quoted(issuer) + " is trusted");
        }
        String use = claims.getStringClaim("token_use");
        Optional<TokenUse> tokenUse = acceptedUses.stream().filter(kind -> kind.claimValue().equals(use)).findFirst();
        if (tokenUse.isEmpty()) {
            return TokenCheck.invalid("token_use is " + quoted(use) + " but only " + acceptedUses + " tokens are accepted");
        }
        String subject = claims.getSubject();
        if (subject == null) {
            return TokenCheck.invalid("the token has no sub");
        }
        Optional<String> clientId = clientId(claims, tokenUse.get());
        if (!acceptedClientIds.isEmpty() && clientId.filter(acceptedClientIds::contains).isEmpty()) {
            return TokenCheck.invalid("the token's app client " + quoted(clientId.orElse(null))
                    + " is not one of the accepted " + acceptedClientIds);
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            return TokenCheck.invalid("the token has no exp");
        }
        Instant now = clock.instant();
        if (!now.isBefore(expiry.toInstant().plus(leeway))) {
            return TokenCheck.expired("exp " + expiry.toInstant() + " is not after now " + now
                    + (leeway.isZero() ? "" : " minus the leeway " + leeway));
        }
        return TokenCheck.accepted(new VerifiedCaller(
                subject,
                username(claims, tokenUse.get()).orElse(subject),
                Set.copyOf(Optional.ofNullable(claims.getStringListClaim("cognito:groups")).orElse(List.of())),
                tokenUse.get(),
                clientId,
                claims.toJSONObject()));
    }

    private static Optional<String> clientId(JWTClaimsSet claims, TokenUse tokenUse) throws ParseException {
        if (tokenUse == TokenUse.ACCESS) {
            return Optional.ofNullable(claims.getStringClaim("client_id"));
        }
        List<String> audience = claims.getAudience();
        return audience.isEmpty() ? Optional.empty() : Optional.of(audience.get(0));
    }

    private static Optional<String> username(JWTClaimsSet claims, TokenUse tokenUse) throws ParseException {
        return Optional.ofNullable(claims.getStringClaim(tokenUse == TokenUse.ACCESS ? "username" : "cognito:username"));
    }

    private static String quoted(String value) {
        return value == null ? "absent" : "'" + value + "'";
    }
}
