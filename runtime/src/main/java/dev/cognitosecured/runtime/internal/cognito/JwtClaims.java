package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.internal.store.TokenLifetimes;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The few claims the runtime reads from a Cognito JWT: {@code iat}, {@code exp} and {@code username}.
 * The payload is decoded, never verified: the tokens come straight from Cognito over TLS, and the
 * API that receives them verifies them.
 *
 * <p>Errors name the claim or the part that is wrong, never the token.
 */
final class JwtClaims {

    private final String what;
    private final JsonObject payload;

    private JwtClaims(String what, JsonObject payload) {
        this.what = what;
        this.payload = payload;
    }

    /**
     * Reads the payload of {@code jwt}.
     *
     * @param what what the token is, for error messages (e.g. {@code "access token"})
     * @throws MalformedTokenException if {@code jwt} is not a JWT with a JSON object as payload
     */
    static JwtClaims of(String what, String jwt) {
        if (jwt == null || jwt.isEmpty()) {
            throw new MalformedTokenException("the " + what + " is missing");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new MalformedTokenException(
                    "the " + what + " is not a JWT: expected 3 dot-separated parts, found " + parts.length);
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException("the payload of the " + what + " is not base64url");
        }
        try (JsonReader reader = Readers.FACTORY.createReader(new ByteArrayInputStream(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedTokenException("the payload of the " + what + " is not a JSON object");
            }
            return new JwtClaims(what, value.asJsonObject());
        } catch (JsonException | NumberFormatException e) {
            // The parser's message may quote the payload: it is left out. A number whose exponent does not fit
            // (1e99999999999) is a NumberFormatException from BigDecimal, found by JwtClaimsFuzzTest.
            throw new MalformedTokenException("the payload of the " + what + " is not valid JSON");
        }
    }

    /** The {@code iat} claim, in seconds since the epoch. */
    long issuedAt() {
        return seconds("iat");
    }

    /** The {@code exp} claim, in seconds since the epoch. */
    long expiresAt() {
        return seconds("exp");
    }

    /**
     * {@code exp - iat}: how long Cognito made the token valid.
     *
     * @throws MalformedTokenException if {@code exp} is not after {@code iat}, or the lifetime is longer
     *         than Cognito allows ({@link TokenLifetimes})
     */
    Duration lifetime() {
        long seconds;
        try {
            seconds = Math.subtractExact(expiresAt(), issuedAt());
        } catch (ArithmeticException e) {
            throw new MalformedTokenException("the 'exp' and 'iat' claims of the " + what + " are out of range");
        }
        if (seconds <= 0) {
            throw new MalformedTokenException("the " + what + " expires " + (seconds == 0 ? "when" : "before")
                    + " it was issued (exp - iat = " + seconds + " s)");
        }
        Optional<String> problem = TokenLifetimes.problem(Duration.ofSeconds(seconds));
        if (problem.isPresent()) {
            throw new MalformedTokenException("the " + what + " " + problem.get() + " (exp - iat)");
        }
        return Duration.ofSeconds(seconds);
    }

    /** A string claim, if present. */
    Optional<String> string(String claim) {
        JsonValue value = payload.get(claim);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedTokenException("the claim '" + claim + "' of the " + what + " is not a string");
        }
        return Optional.of(((JsonString) value).getString());
    }

    /** A string claim that must be present. */
    String requiredString(String claim) {
        return string(claim).orElseThrow(
                () -> new MalformedTokenException("the " + what + " has no '" + claim + "' claim"));
    }

    private long seconds(String claim) {
        JsonValue value = payload.get(claim);
        if (value == null) {
            throw new MalformedTokenException("the " + what + " has no '" + claim + "' claim");
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MalformedTokenException("the claim '" + claim + "' of the " + what + " is not a number");
        }
        try {
            return ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedTokenException("the claim '" + claim + "' of the " + what + " is not a whole number");
        }
    }

    /** Finds the JSON-P implementation once, on first use. */
    private static final class Readers {
        static final JsonReaderFactory FACTORY = JsonProvider.provider().createReaderFactory(Map.of());
    }
}
