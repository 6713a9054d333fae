package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * {@code GetTokensFromRefreshToken}: new access and ID tokens, and with rotation a new refresh token (the
 * presented one then works only during the client's grace period).
 */
final class GetTokensFromRefreshTokenAction implements ActionHandler {

    private final Directory directory;
    private final TokenService tokens;

    GetTokensFromRefreshTokenAction(Directory directory, TokenService tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    @Override
    public JsonObject handle(Request request) {
        String refreshToken = request.required("RefreshToken");
        ClientState client = directory.client(request.required("ClientId"));
        ClientSecrets.checkClientSecret(client, request.optional("ClientSecret"));
        RefreshTokenState state = tokens.usableRefreshToken(refreshToken, client, request.optional("DeviceKey"));
        return Json.createObjectBuilder()
                .add("AuthenticationResult", tokens.refresh(state, client.settings.refreshTokenRotation()).toJson())
                .build();
    }
}
