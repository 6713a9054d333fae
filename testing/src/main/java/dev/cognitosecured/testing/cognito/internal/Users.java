package dev.cognitosecured.testing.cognito.internal;

import java.time.Instant;

/** Finding the user who signs in, and the checks on a password that is right. */
final class Users {

    static final String INCORRECT = "Incorrect username or password.";
    static final String TEMPORARY_PASSWORD_EXPIRED =
            "Temporary password has expired and must be reset by an administrator.";

    private Users() {}

    /**
     * The user {@code username} of the client's pool.
     *
     * @throws CognitoException "Incorrect username or password." (or {@code UserNotFoundException} if the
     *     client does not prevent user existence errors) if there is none; "User is disabled." if an
     *     administrator disabled the user
     */
    static UserState signingIn(ClientState client, String username) {
        UserState user = client.pool.user(username).orElseThrow(() -> unknownUser(client));
        if (user.disabled) {
            throw CognitoException.notAuthorized(TokenService.USER_DISABLED);
        }
        return user;
    }

    static CognitoException unknownUser(ClientState client) {
        return client.settings.preventUserExistenceErrors()
                ? CognitoException.notAuthorized(INCORRECT)
                : CognitoException.userNotFound();
    }

    /** @throws CognitoException if the user's temporary password is older than the pool allows */
    static void checkTemporaryPasswordAge(ClientState client, UserState user, Instant now) {
        if (user.mustChangePassword
                && !now.isBefore(user.passwordSetAt.plus(client.pool.settings.temporaryPasswordValidity()))) {
            throw CognitoException.notAuthorized(TEMPORARY_PASSWORD_EXPIRED);
        }
    }
}
