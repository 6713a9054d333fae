package dev.cognitosecured.runtime.event;

/**
 * CDI event: a refresh failed for a passing reason (network, throttling, a server error). The
 * session keeps its tokens, and the next caller that needs fresher ones tries again.
 *
 * @param pool the pool's name
 * @param username the user's name as Cognito knows it
 * @param cause what went wrong; its message holds no secret
 */
public record RefreshFailed(String pool, String username, Throwable cause) {
}
