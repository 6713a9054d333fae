package dev.cognitosecured.testing.cognito.srp;

/**
 * An {@code SRP_A} the server must refuse: missing, not hexadecimal, or zero modulo {@code N}.
 * The message names the fault, not the value.
 */
public final class InvalidSrpParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidSrpParameterException(String message) {
        super(message);
    }
}
