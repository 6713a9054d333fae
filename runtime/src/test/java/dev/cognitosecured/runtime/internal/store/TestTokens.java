package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Optional;

/** Tokens whose strings say which issue they are: {@code access-n}, {@code id-n}, {@code refresh-n}. */
public final class TestTokens {

    /** The user every test token belongs to. */
    public static final String USER = "alice";

    private TestTokens() {
    }

    /** The {@code n}-th tokens, with a refresh token (as a sign-in or a rotating refresh returns). */
    public static Tokens issued(int n, Duration lifetime) {
        return Tokens.of("access-" + n, "id-" + n, Optional.of("refresh-" + n), lifetime, USER);
    }

    /** The {@code n}-th tokens without a refresh token (as {@code REFRESH_TOKEN_AUTH} returns). */
    public static Tokens refreshedWithoutRotation(int n, Duration lifetime) {
        return Tokens.of("access-" + n, "id-" + n, Optional.empty(), lifetime, USER);
    }
}
