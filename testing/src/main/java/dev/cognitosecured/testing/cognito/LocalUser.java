package dev.cognitosecured.testing.cognito;

import java.util.Objects;

/**
 * A user created by {@link LocalCognito#createUser(UserPool, NewUser)}.
 *
 * @param pool the user pool the user belongs to
 * @param username the user name to sign in with
 * @param sub the user's immutable id, the {@code sub} claim of their tokens
 */
public record LocalUser(UserPool pool, String username, String sub) {

    /**
     * A user.
     *
     * @param pool the user pool the user belongs to
     * @param username the user name to sign in with
     * @param sub the user's immutable id
     * @throws NullPointerException if a component is {@code null}
     */
    public LocalUser {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sub, "sub");
    }
}
