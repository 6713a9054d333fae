package dev.cognitosecured.runtime;

/**
 * {@link SignUp#signUp} named a user who already exists in the pool (Cognito's
 * {@code UsernameExistsException}), or an attribute change names an e-mail address or phone number that
 * another user already signs in with ({@code AliasExistsException}). Choose another name, or sign in.
 */
public final class UsernameExistsException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * The exception for a user name (or alias) already taken.
     *
     * @param message what was refused and what to do
     */
    public UsernameExistsException(String message) {
        super(message);
    }
}
