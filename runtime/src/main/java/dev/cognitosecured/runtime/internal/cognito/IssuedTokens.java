package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Reads {@link Tokens} from Cognito's {@code AuthenticationResult}. The lifetime comes from the
 * JWTs' {@code exp - iat}, never from {@code ExpiresIn}, which local stand-ins leave out.
 */
final class IssuedTokens {

    private IssuedTokens() {}

    /**
     * The tokens in {@code result}.
     *
     * @throws MalformedTokenException if a token is missing or cannot be read
     */
    static Tokens from(AuthenticationResultType result) {
        if (result == null) {
            throw new MalformedTokenException("the answer holds no AuthenticationResult");
        }
        JwtClaims access = JwtClaims.of("access token", result.accessToken());
        JwtClaims id = JwtClaims.of("ID token", result.idToken());
        Duration accessLifetime = access.lifetime();
        Duration idLifetime = id.lifetime();
        Duration lifetime = accessLifetime.compareTo(idLifetime) <= 0 ? accessLifetime : idLifetime;
        Optional<String> refreshToken = Optional.ofNullable(result.refreshToken()).filter(t -> !t.isEmpty());
        Tokens tokens = Tokens.of(result.accessToken(), result.idToken(), refreshToken, lifetime,
                access.requiredString("username"));
        // With device tracking, Cognito names the device the tokens belong to; a refresh must send it.
        return access.string("device_key").filter(key -> !key.isEmpty()).map(tokens::withDeviceKey).orElse(tokens);
    }
}
