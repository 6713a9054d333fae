package dev.cognitosecured.runtime.event;

/**
 * CDI event: a session ended, and its callers now get
 * {@link dev.cognitosecured.runtime.SignInRequiredException} until someone signs in again.
 *
 * @param pool the pool's name
 * @param username the user's name as Cognito knows it
 * @param reason why it ended
 */
public record SessionEnded(String pool, String username, Reason reason) {

    /** Why a session ended. */
    public enum Reason {
        /** The application called {@code SignIn.signOut()}. */
        SIGNED_OUT,
        /** Cognito rejected the refresh token: expired, revoked, or reused after rotation. */
        REFRESH_REJECTED
    }
}
