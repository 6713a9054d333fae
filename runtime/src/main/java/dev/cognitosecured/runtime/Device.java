package dev.cognitosecured.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device Cognito tracks for the signed-in user ({@code ListDevices}).
 *
 * @param key the device key
 * @param name the name it was confirmed with, if any
 * @param remembered whether it is remembered (a remembered device may sign in without the second factor)
 * @param createdAt when Cognito first saw it
 * @param lastAuthenticatedAt when a sign-in last used it
 */
public record Device(String key, Optional<String> name, boolean remembered, Instant createdAt,
        Instant lastAuthenticatedAt) {
    /**
     * Checks that every component is given ({@code name} may be empty, not {@code null}).
     *
     * @param key the device key
     * @param name the name it was confirmed with, if any
     * @param remembered whether it is remembered (a remembered device may sign in without the second factor)
     * @param createdAt when Cognito first saw it
     * @param lastAuthenticatedAt when a sign-in last used it
     * @throws NullPointerException if one is {@code null}
     */
    public Device {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastAuthenticatedAt, "lastAuthenticatedAt");
    }
}
