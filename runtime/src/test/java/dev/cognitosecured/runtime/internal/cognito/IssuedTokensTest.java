package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

class IssuedTokensTest {

    @Test
    void lifetimeIsTheShorterOfAccessAndIdToken() {
        String access = TestJwts.access(1000, 1060, "alice");
        String id = TestJwts.id(1000, 1090, "alice");

        Tokens tokens = IssuedTokens.from(AuthenticationResultType.builder()
                .accessToken(access).idToken(id).refreshToken("opaque-refresh").build());

        assertEquals(Duration.ofSeconds(60), tokens.lifetime());
        assertEquals(access, tokens.accessToken());
        assertEquals(id, tokens.idToken());
        assertEquals(Optional.of("opaque-refresh"), tokens.refreshToken());
        assertEquals("alice", tokens.username());

        Tokens idShorter = IssuedTokens.from(AuthenticationResultType.builder()
                .accessToken(TestJwts.access(1000, 4600, "alice")).idToken(TestJwts.id(1000, 1030, "alice")).build());
        assertEquals(Duration.ofSeconds(30), idShorter.lifetime());
    }

    @Test
    void ignoresExpiresIn() {
        Tokens tokens = IssuedTokens.from(AuthenticationResultType.builder()
                .accessToken(TestJwts.access(0, 300, "bob")).idToken(TestJwts.id(0, 300, "bob"))
                .expiresIn(3600).build());
        assertEquals(Duration.ofSeconds(300), tokens.lifetime());
    }

    @Test
    void aRefreshAnswerHasNoRefreshToken() {
        Tokens tokens = IssuedTokens.from(AuthenticationResultType.builder()
                .accessToken(TestJwts.access(0, 10, "bob")).idToken(TestJwts.id(0, 10, "bob")).build());
        assertTrue(tokens.refreshToken().isEmpty());
    }

    @Test
    void theUserNameComesFromTheAccessToken() {
        // With e-mail sign-in the access token's username is the generated user name Cognito's
        // SECRET_HASH for a refresh expects, not what the user typed.
        Tokens tokens = IssuedTokens.from(AuthenticationResultType.builder()
                .accessToken(TestJwts.access(0, 10, "6f1c-uuid")).idToken(TestJwts.id(0, 10, "someone-else")).build());
        assertEquals("6f1c-uuid", tokens.username());
    }

    @Test
    void aMissingTokenIsNamedWithoutShowingTheOther() {
        String access = TestJwts.access(0, 10, "bob");
        MalformedTokenException e = assertThrows(MalformedTokenException.class,
                () -> IssuedTokens.from(AuthenticationResultType.builder().accessToken(access).build()));
        assertEquals("the ID token is missing", e.getMessage());
        assertFalse(e.getMessage().contains(access));
    }

    @Test
    void tokensWithoutIssuedAtOrWithAnAbsurdLifetimeAreRefusedWithoutShowingThem() {
        String access = TestJwts.access(0, 3_600, "bob");
        String noIat = TestJwts.withPayload("{\"exp\":3600,\"username\":\"bob\"}");
        String tenYears = TestJwts.id(0, 315_360_000, "bob");

        MalformedTokenException missing = assertThrows(MalformedTokenException.class, () -> IssuedTokens.from(
                AuthenticationResultType.builder().accessToken(access).idToken(noIat).build()));
        MalformedTokenException absurd = assertThrows(MalformedTokenException.class, () -> IssuedTokens.from(
                AuthenticationResultType.builder().accessToken(access).idToken(tenYears).build()));

        assertEquals("the ID token has no 'iat' claim", missing.getMessage());
        assertTrue(absurd.getMessage().startsWith("the ID token lasts 315360000 s"), absurd.getMessage());
        assertFalse(absurd.getMessage().contains(tenYears));
    }

    @Test
    void aMissingResultIsNamed() {
        assertThrows(MalformedTokenException.class, () -> IssuedTokens.from(null));
    }
}
