package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.secretscan.IssuedSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Builds unsigned JWT-shaped strings for the unit tests: only the payload matters to the runtime. Each is recorded
 * for the secret scan, as LocalCognito records the tokens it issues.
 */
final class TestJwts {

    private TestJwts() {}

    static String withPayload(String json) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"RS256\",\"kid\":\"test\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String jwt = header + "." + payload + ".c2lnbmF0dXJl";
        // The secret scan (SecretScan) looks for it in every log record, exception and toString() of the run.
        IssuedSecrets.record(IssuedSecrets.Kind.TOKEN, jwt);
        return jwt;
    }

    static String access(long iat, long exp, String username) {
        return withPayload("{\"sub\":\"0b9c\",\"token_use\":\"access\",\"iat\":" + iat + ",\"exp\":" + exp
                + ",\"username\":\"" + username + "\"}");
    }

    static String id(long iat, long exp, String username) {
        return withPayload("{\"sub\":\"0b9c\",\"token_use\":\"id\",\"iat\":" + iat + ",\"exp\":" + exp
                + ",\"cognito:username\":\"" + username + "\"}");
    }
}
