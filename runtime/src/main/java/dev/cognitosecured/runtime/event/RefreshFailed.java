package dev.cognitosecured.runtime.event;

/**
 * CDI event: a refresh failed for a passing reason (network, throttling, a server error). The
 * session keeps its tokens and backs off: callers they satisfy carry on, callers that need fresher ones
 * fail at once with this failure until the next refresh is allowed (0.5–1 s after the first failure,
 * doubling with each failure in a row up to 15–30 s), and the first one after that tries again.
 *
 * @param pool the pool's name
 * @param username the user's name as Cognito knows it
 * @param cause what went wrong; its message holds no secret
 */
public record RefreshFailed(String pool, String username, Throwable cause) {
}
