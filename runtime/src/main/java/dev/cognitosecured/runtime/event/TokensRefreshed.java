package dev.cognitosecured.runtime.event;

import java.time.Duration;

/**
 * CDI event: a session's tokens were refreshed.
 *
 * @param pool the pool's name
 * @param username the user's name as Cognito knows it
 * @param lifetime the new tokens' lifetime
 * @param rotated whether Cognito also issued a new refresh token
 */
public record TokensRefreshed(String pool, String username, Duration lifetime, boolean rotated) {
}
