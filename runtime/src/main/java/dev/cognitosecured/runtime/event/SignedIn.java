package dev.cognitosecured.runtime.event;

/**
 * CDI event: a user signed in to a pool and the session store holds their tokens.
 *
 * @param pool the pool's name
 * @param username the user's name as Cognito knows it
 */
public record SignedIn(String pool, String username) {
}
