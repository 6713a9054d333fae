package dev.cognitosecured.testing.cognito.internal;

import java.util.Objects;

/**
 * An error answer in Cognito's shape: an HTTP status, the {@code __type} the SDK maps to an exception class,
 * and the message. Messages never hold secrets.
 */
public final class CognitoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int httpStatus;

    CognitoException(String type, String message, int httpStatus) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.httpStatus = httpStatus;
    }

    CognitoException(String type, String message) {
        this(type, message, 400);
    }

    /** The error type, such as {@code NotAuthorizedException}. */
    public String type() {
        return type;
    }

    /** The HTTP status of the answer. */
    public int httpStatus() {
        return httpStatus;
    }

    static CognitoException notAuthorized(String message) {
        return new CognitoException("NotAuthorizedException", message);
    }

    static CognitoException invalidParameter(String message) {
        return new CognitoException("InvalidParameterException", message);
    }

    static CognitoException resourceNotFound(String message) {
        return new CognitoException("ResourceNotFoundException", message);
    }

    static CognitoException codeMismatch(String message) {
        return new CognitoException("CodeMismatchException", message);
    }

    static CognitoException expiredCode(String message) {
        return new CognitoException("ExpiredCodeException", message);
    }

    static CognitoException invalidPassword(String message) {
        return new CognitoException("InvalidPasswordException", message);
    }

    static CognitoException userNotFound() {
        return new CognitoException("UserNotFoundException", "User does not exist.");
    }

    /** A request whose JSON body cannot be read. */
    static CognitoException serialization(String message) {
        return new CognitoException("SerializationException", message);
    }

    /** A target that names no action LocalCognito answers. */
    static CognitoException unknownOperation(String action) {
        return new CognitoException("UnknownOperationException", "Unknown operation " + action);
    }
}
