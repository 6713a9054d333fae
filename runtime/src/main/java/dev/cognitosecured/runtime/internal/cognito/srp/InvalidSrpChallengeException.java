package dev.cognitosecured.runtime.internal.cognito.srp;

/**
 * A {@code PASSWORD_VERIFIER} challenge that the client must not answer: a parameter is missing or
 * malformed, or the server's public value is one SRP-6a refuses. The message names the parameter
 * and the fault, never a value.
 */
public final class InvalidSrpChallengeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidSrpChallengeException(String message) {
        super(message);
    }
}
