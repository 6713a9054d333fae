package dev.cognitosecured.runtime;

/**
 * No usable session: nobody has signed in yet, the user signed out, or Cognito rejected the
 * refresh token (expired, revoked, or reused after rotation). Sign in again with
 * {@link SignIn#start(String, char[])}.
 */
public final class SignInRequiredException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    public SignInRequiredException(String message) {
        super(message);
    }

    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
