package dev.cognitosecured.it.e2e.app;

/**
 * Who the API thinks is calling: the user name it read from the verified token.
 *
 * @param username the token's {@code username} claim
 */
public record Caller(String username) {
}
