package dev.cognitosecured.testing.cognito.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a caller of a client with a secret knows it: {@code SECRET_HASH} = Base64(HMAC-SHA256(key =
 * client secret, user name + client id)), or the secret itself where the API takes {@code ClientSecret}.
 */
final class ClientSecrets {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private ClientSecrets() {}

    /**
     * Checks {@code secretHash} for {@code username} if {@code client} has a secret.
     *
     * @throws CognitoException {@code NotAuthorizedException} with Cognito's messages if it is missing or wrong
     */
    static void checkSecretHash(ClientState client, Optional<String> secretHash, String username) {
        if (client.secret.isEmpty()) {
            return;
        }
        requireSecretHash(client, secretHash);
        String expected = secretHash(client.secret.get(), username, client.id);
        if (!constantTimeEquals(expected, secretHash.get())) {
            throw cannotVerify(client);
        }
    }

    /** @throws CognitoException if {@code client} has a secret and {@code secretHash} is absent */
    static void requireSecretHash(ClientState client, Optional<String> secretHash) {
        if (client.secret.isPresent() && secretHash.isEmpty()) {
            throw CognitoException.notAuthorized(
                    "Client " + client.id + " is configured with secret but SECRET_HASH was not received");
        }
    }

    /**
     * Checks {@code clientSecret} if {@code client} has a secret ({@code GetTokensFromRefreshToken}).
     *
     * @throws CognitoException {@code NotAuthorizedException} if it is missing or wrong
     */
    static void checkClientSecret(ClientState client, Optional<String> clientSecret) {
        if (client.secret.isEmpty()) {
            return;
        }
        if (clientSecret.isEmpty() || !constantTimeEquals(client.secret.get(), clientSecret.get())) {
            throw cannotVerify(client);
        }
    }

    /** Whether {@code clientSecret} is right for {@code client} (always, if it has none). */
    static boolean matchesClientSecret(ClientState client, Optional<String> clientSecret) {
        return client.secret.isEmpty()
                || clientSecret.isPresent() && constantTimeEquals(client.secret.get(), clientSecret.get());
    }

    static String secretHash(String secret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(clientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java platform has HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is not available on this Java platform", e);
        }
    }

    private static CognitoException cannotVerify(ClientState client) {
        return CognitoException.notAuthorized("Unable to verify secret hash for client " + client.id);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
