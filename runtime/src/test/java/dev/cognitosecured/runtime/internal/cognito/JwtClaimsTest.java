package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtClaimsTest {

    @Test
    void readsIssuedAtExpiryAndUserName() {
        JwtClaims claims = JwtClaims.of("access token", TestJwts.access(1_700_000_000L, 1_700_003_600L, "alice"));

        assertEquals(1_700_000_000L, claims.issuedAt());
        assertEquals(1_700_003_600L, claims.expiresAt());
        assertEquals(Duration.ofHours(1), claims.lifetime());
        assertEquals("alice", claims.requiredString("username"));
        assertEquals(Optional.empty(), claims.string("email"));
    }

    @Test
    void decodesPayloadsThatNeedPaddingAndUrlSafeCharacters() {
        // "ü" and "?" put '-' / '_' into base64url and the length makes padding necessary.
        for (String name : new String[] {"jü", "jür", "jürg", "a?>b", "a??>>b"}) {
            assertEquals(name, JwtClaims.of("access token", TestJwts.access(10, 70, name)).requiredString("username"));
        }
    }

    @Test
    void readsLargeNumericDates() {
        JwtClaims claims = JwtClaims.of("ID token", TestJwts.withPayload("{\"iat\":4102444800,\"exp\":4102444810}"));
        assertEquals(Duration.ofSeconds(10), claims.lifetime());
    }

    @Test
    void refusesSomethingThatIsNotAJwtWithoutQuotingIt() {
        String token = "secret-looking-opaque-token";
        MalformedTokenException e = assertThrows(MalformedTokenException.class, () -> JwtClaims.of("access token", token));
        assertEquals("the access token is not a JWT: expected 3 dot-separated parts, found 1", e.getMessage());
    }

    @Test
    void refusesAPayloadThatIsNotBase64url() {
        MalformedTokenException e =
                assertThrows(MalformedTokenException.class, () -> JwtClaims.of("ID token", "aGVhZA.%%%%.c2ln"));
        assertEquals("the payload of the ID token is not base64url", e.getMessage());
    }

    @Test
    void refusesAPayloadThatIsNotJsonWithoutQuotingIt() {
        String token = TestJwts.withPayload("{\"username\": hunter2-secret");
        MalformedTokenException e = assertThrows(MalformedTokenException.class, () -> JwtClaims.of("ID token", token));
        assertEquals("the payload of the ID token is not valid JSON", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    /** Found by {@link JwtClaimsFuzzTest} (input {@code crash-exponent-too-large}): BigDecimal's NumberFormatException escaped. */
    @Test
    void refusesANumberWhoseExponentDoesNotFit() {
        String token = TestJwts.withPayload("{\"iat\":-9e2337203689223372036854775807,\"username\":7}");
        MalformedTokenException e = assertThrows(MalformedTokenException.class, () -> JwtClaims.of("ID token", token));
        assertEquals("the payload of the ID token is not valid JSON", e.getMessage());
    }

    @Test
    void refusesAPayloadThatIsNotAnObject() {
        MalformedTokenException e = assertThrows(MalformedTokenException.class,
                () -> JwtClaims.of("ID token", TestJwts.withPayload("[1,2]")));
        assertEquals("the payload of the ID token is not a JSON object", e.getMessage());
    }

    @Test
    void namesAMissingClaim() {
        JwtClaims claims = JwtClaims.of("access token", TestJwts.withPayload("{\"iat\":1}"));
        MalformedTokenException e = assertThrows(MalformedTokenException.class, claims::expiresAt);
        assertEquals("the access token has no 'exp' claim", e.getMessage());
        e = assertThrows(MalformedTokenException.class, () -> claims.requiredString("username"));
        assertEquals("the access token has no 'username' claim", e.getMessage());
    }

    @Test
    void refusesClaimsOfTheWrongType() {
        JwtClaims claims = JwtClaims.of("access token",
                TestJwts.withPayload("{\"iat\":\"yesterday\",\"exp\":1.5,\"username\":42}"));
        assertTrue(assertThrows(MalformedTokenException.class, claims::issuedAt).getMessage().contains("'iat'"));
        assertTrue(assertThrows(MalformedTokenException.class, claims::expiresAt).getMessage().contains("'exp'"));
        assertTrue(assertThrows(MalformedTokenException.class, () -> claims.string("username"))
                .getMessage().contains("'username'"));
    }

    @Test
    void refusesATokenThatExpiresBeforeItWasIssued() {
        JwtClaims claims = JwtClaims.of("access token", TestJwts.access(100, 99, "alice"));
        assertThrows(MalformedTokenException.class, claims::lifetime);
    }

    @Test
    void refusesATokenThatExpiresWhenItIsIssued() {
        JwtClaims claims = JwtClaims.of("access token", TestJwts.access(100, 100, "alice"));
        MalformedTokenException e = assertThrows(MalformedTokenException.class, claims::lifetime);
        assertEquals("the access token expires when it was issued (exp - iat = 0 s)", e.getMessage());
    }

    @Test
    void refusesALifetimeLongerThanCognitosMaximumOfADay() {
        JwtClaims day = JwtClaims.of("ID token", TestJwts.id(1_000, 1_000 + 86_400, "alice"));
        JwtClaims longer = JwtClaims.of("ID token", TestJwts.id(1_000, 1_000 + 86_401, "alice"));

        assertEquals(Duration.ofDays(1), day.lifetime());
        MalformedTokenException e = assertThrows(MalformedTokenException.class, longer::lifetime);
        assertTrue(e.getMessage().startsWith("the ID token lasts 86401 s, more than Cognito's maximum"),
                e.getMessage());
    }

    @Test
    void refusesClaimsWhoseDifferenceOverflows() {
        JwtClaims claims = JwtClaims.of("ID token",
                TestJwts.withPayload("{\"iat\":-9223372036854775808,\"exp\":9223372036854775807}"));
        assertTrue(assertThrows(MalformedTokenException.class, claims::lifetime).getMessage()
                .contains("out of range"));
    }

    @Test
    void refusesAMissingToken() {
        assertEquals("the ID token is missing",
                assertThrows(MalformedTokenException.class, () -> JwtClaims.of("ID token", null)).getMessage());
    }
}
