package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.AuthFactor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Passkey registration and management for a signed-in user (by {@code AccessToken}):
 * {@code StartWebAuthnRegistration} (the creation options, with a new challenge), {@code
 * CompleteWebAuthnRegistration} (the browser's registration response, checked by {@link WebAuthnChecks}),
 * {@code ListWebAuthnCredentials} and {@code DeleteWebAuthnCredential}. Registration needs {@code WEB_AUTHN}
 * among the pool's first factors ({@code WebAuthnNotEnabledException} otherwise).
 */
final class WebAuthnActions {

    private final TokenService tokens;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    WebAuthnActions(TokenService tokens, InstantSource clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    JsonObject start(Request request) {
        UserState user = signedIn(request);
        PoolState pool = pool(request);
        requireEnabled(pool);
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        user.pendingRegistration = Optional.of(challenge);
        JsonArrayBuilder excluded = Json.createArrayBuilder();
        user.passkeys.forEach(p -> excluded.add(Json.createObjectBuilder().add("type", "public-key").add("id", p.credentialId)));
        JsonObject options = Json.createObjectBuilder()
                .add("rp", Json.createObjectBuilder().add("id", pool.relyingPartyId).add("name", pool.relyingPartyId))
                .add("user", Json.createObjectBuilder()
                        .add("id", WebAuthnChecks.base64Url(user.sub.getBytes(StandardCharsets.UTF_8)))
                        .add("name", user.username)
                        .add("displayName", user.username))
                .add("challenge", WebAuthnChecks.base64Url(challenge))
                .add("pubKeyCredParams", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -7))
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -257)))
                .add("timeout", 60000)
                .add("excludeCredentials", excluded)
                .add("authenticatorSelection", Json.createObjectBuilder()
                        .add("requireResidentKey", true)
                        .add("residentKey", "required")
                        .add("userVerification", "preferred"))
                .build();
        return Json.createObjectBuilder().add("CredentialCreationOptions", options).build();
    }

    JsonObject complete(Request request) {
        UserState user = signedIn(request);
        PoolState pool = pool(request);
        requireEnabled(pool);
        JsonObject credential = request.rawObject("Credential").orElseThrow(() -> CognitoException.invalidParameter(
                "1 validation error detected: Value null at 'credential' failed to satisfy constraint: Member must not be null"));
        byte[] challenge = user.pendingRegistration.orElseThrow(() -> new CognitoException(
                "WebAuthnChallengeNotFoundException", "No passkey registration was started for this user."));
        JsonObject response = credential.getJsonObject("response");
        if (response == null || !"public-key".equals(credential.getString("type", ""))) {
            throw CognitoException.invalidParameter("The credential is not a public-key registration response.");
        }
        WebAuthnChecks.clientData(response, "webauthn.create", challenge, pool.relyingPartyId);
        ByteBuffer authData = WebAuthnChecks.authenticatorData(response, pool.relyingPartyId,
                WebAuthnChecks.USER_PRESENT | WebAuthnChecks.ATTESTED_CREDENTIAL_DATA);
        String id = credential.getString("id", "");
        if (!id.equals(WebAuthnChecks.attestedCredentialId(authData))) {
            throw CognitoException.invalidParameter("The credential id is not the one the authenticator data attests.");
        }
        if (user.passkeys.stream().anyMatch(p -> p.credentialId.equals(id))) {
            throw CognitoException.invalidParameter("The passkey is registered already.");
        }
        PublicKey key = WebAuthnChecks.publicKey(response);
        user.pendingRegistration = Optional.empty();
        user.passkeys.add(new Passkey(id, key, pool.relyingPartyId, strings(response.get("transports")),
                credential.getString("authenticatorAttachment", "platform"), clock.instant(),
                WebAuthnChecks.signCount(authData)));
        return Json.createObjectBuilder().build();
    }

    JsonObject list(Request request) {
        UserState user = signedIn(request);
        JsonArrayBuilder credentials = Json.createArrayBuilder();
        for (Passkey passkey : user.passkeys) {
            JsonArrayBuilder transports = Json.createArrayBuilder();
            passkey.transports.forEach(transports::add);
            credentials.add(Json.createObjectBuilder()
                    .add("CredentialId", passkey.credentialId)
                    .add("RelyingPartyId", passkey.relyingPartyId)
                    .add("AuthenticatorAttachment", passkey.attachment)
                    .add("AuthenticatorTransports", transports)
                    .add("CreatedAt", passkey.createdAt.getEpochSecond()));
        }
        return Json.createObjectBuilder().add("Credentials", credentials).build();
    }

    JsonObject delete(Request request) {
        UserState user = signedIn(request);
        String id = request.required("CredentialId");
        if (!user.passkeys.removeIf(p -> p.credentialId.equals(id))) {
            throw CognitoException.resourceNotFound("The passkey does not exist.");
        }
        return Json.createObjectBuilder().build();
    }

    private UserState signedIn(Request request) {
        return tokens.usableAccessToken(request.required("AccessToken")).family().user;
    }

    private PoolState pool(Request request) {
        return tokens.usableAccessToken(request.required("AccessToken")).family().client.pool;
    }

    private static void requireEnabled(PoolState pool) {
        if (!pool.firstFactors.contains(AuthFactor.WEB_AUTHN)) {
            throw new CognitoException("WebAuthnNotEnabledException", "Passkeys are not enabled for this user pool.");
        }
    }

    private static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString text) {
                    out.add(text.getString());
                }
            }
        }
        return out;
    }
}
