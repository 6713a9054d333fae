package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The expected values were computed independently of this code, with
 * {@code printf '%s' "$username$clientId" | openssl dgst -sha256 -hmac "$secret" -binary | base64}.
 */
class SecretHashTest {

    @Test
    void matchesOpensslForACognitoLikeClient() {
        assertEquals("DmGJERStqaR0cKo72GXCfSCbwR3noZkSlQZZCOySc5M=",
                SecretHash.of("alice", "3MnVhbfgkk4b8r3n1a8u3o1hql",
                        "q1w2e3r4t5y6u7i8o9p0asdfghjklzxcvbnm1234567890abcd"));
    }

    @Test
    void hashesUserNameThenClientId() {
        assertEquals("ia3ZKu8n7RrAousO/eB61cao/6a3u4GwBcFlIt5pmc4=", SecretHash.of("username", "clientId", "secret"));
    }

    @Test
    void encodesUserNameAndSecretAsUtf8() {
        assertEquals("qcO2fhJikVeOXSF1X5SoJH9Me5GDN2ixr4uhGko2DLE=", SecretHash.of("jürgen", "7p2c4k", "ß-secret"));
    }

    @Test
    void refusesAnEmptySecretWithoutNamingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SecretHash.of("alice", "client", ""));
        assertFalse(e.getMessage().isBlank());
    }
}
