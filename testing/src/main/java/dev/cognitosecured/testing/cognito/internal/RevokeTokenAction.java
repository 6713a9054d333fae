package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * {@code RevokeToken}: revokes a refresh token and every token issued from the same sign-in. Revoking a token
 * that is unknown or already revoked succeeds (RFC 7009).
 */
final class RevokeTokenAction implements ActionHandler {

    private final Directory directory;
    private final TokenService tokens;

    RevokeTokenAction(Directory directory, TokenService tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    @Override
    public JsonObject handle(Request request) {
        String token = request.required("Token");
        ClientState client = directory.client(request.required("ClientId"));
        if (!ClientSecrets.matchesClientSecret(client, request.optional("ClientSecret"))) {
            throw new CognitoException("UnauthorizedException", "Invalid client secret for client " + client.id);
        }
        Optional<RefreshTokenState> state = tokens.refreshToken(token);
        if (state.isPresent()) {
            if (state.get().family.client != client) {
                throw new CognitoException("UnauthorizedException", "The token was not issued to client " + client.id);
            }
            tokens.revoke(state.get().family);
        }
        return Json.createObjectBuilder().build();
    }
}
