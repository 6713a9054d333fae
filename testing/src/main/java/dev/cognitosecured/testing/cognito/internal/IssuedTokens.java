package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * The tokens of an {@code AuthenticationResult}.
 *
 * @param accessToken the access token
 * @param idToken the ID token
 * @param refreshToken a refresh token, when one is issued (sign-in, or refresh with rotation)
 * @param expiresIn the access token's lifetime in seconds
 */
record IssuedTokens(String accessToken, String idToken, Optional<String> refreshToken, long expiresIn) {

    /** The {@code AuthenticationResult} object. */
    JsonObject toJson() {
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("AccessToken", accessToken)
                .add("ExpiresIn", expiresIn)
                .add("IdToken", idToken)
                .add("TokenType", "Bearer");
        refreshToken.ifPresent(token -> result.add("RefreshToken", token));
        return result.build();
    }

    @Override
    public String toString() {
        return "IssuedTokens[expiresIn=" + expiresIn + ", refreshToken=" + (refreshToken.isPresent() ? "***" : "none") + "]";
    }
}
