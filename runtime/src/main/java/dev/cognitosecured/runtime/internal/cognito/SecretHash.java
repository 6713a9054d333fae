package dev.cognitosecured.runtime.internal.cognito;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code SECRET_HASH} Cognito expects from an app client that has a secret:
 * {@code Base64(HMAC-SHA256(key = client secret, message = user name + client id))}.
 */
public final class SecretHash {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private SecretHash() {}

    /**
     * The hash for {@code username} signing in or refreshing through the app client {@code clientId}.
     *
     * @param username the user name Cognito expects: the one signed in with, or, for a refresh, the
     *     access token's {@code username} claim
     */
    public static String of(String username, String clientId, String clientSecret) {
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("the client secret is empty: configure the app client's secret or none");
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(clientId.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            // Every Java platform has HmacSHA256; a key of any length is valid for it.
            throw new IllegalStateException("HmacSHA256 is not available on this Java platform", e);
        }
    }
}
