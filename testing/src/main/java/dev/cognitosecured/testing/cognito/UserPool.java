package dev.cognitosecured.testing.cognito;

import java.util.Objects;

/**
 * A user pool created by {@link LocalCognito#createPool(PoolSettings)}.
 *
 * @param id the pool's id, {@code <region>_<9 letters or digits>} as in Cognito
 */
public record UserPool(String id) {

    /**
     * A user pool.
     *
     * @param id the pool's id
     * @throws NullPointerException if {@code id} is {@code null}
     */
    public UserPool {
        Objects.requireNonNull(id, "id");
    }
}
