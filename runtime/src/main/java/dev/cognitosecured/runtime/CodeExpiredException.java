package dev.cognitosecured.runtime;

/**
 * The code the user entered has expired: a sign-up confirmation code (valid 24 hours at Cognito), a
 * password-reset code (1 hour) or an attribute verification code (24 hours). The message says which
 * call sends a new one ({@link SignUp#resendSignUpCode()}, {@link PasswordReset#resetPassword},
 * {@link Account#sendVerificationCode}); nothing else changed.
 */
public final class CodeExpiredException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * The exception for an expired code.
     *
     * @param message what expired and how to get a new code; never the code
     */
    public CodeExpiredException(String message) {
        super(message);
    }
}
