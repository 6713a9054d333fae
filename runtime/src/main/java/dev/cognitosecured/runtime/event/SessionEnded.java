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

    /**
     * Why a session ended. Every reason but {@link #SIGNED_OUT}, {@link #SIGNED_OUT_EVERYWHERE} and
     * {@link #SCOPE_ENDED} is Cognito's answer to a refresh (or to a call with the user's access token), read
     * from its error code and message; the user signs in again in each case.
     */
    public enum Reason {
        /** The application called {@code SignIn.signOut()}. */
        SIGNED_OUT,
        /**
         * The application called {@code Account.signOutEverywhere()}: Cognito revoked every token of the user
         * ({@code GlobalSignOut}), on every device.
         */
        SIGNED_OUT_EVERYWHERE,
        /**
         * Cognito rejected the refresh token for a reason none of the others names (or an
         * {@code IdentityProvider} of the application's rejected it without saying why).
         */
        REFRESH_REJECTED,
        /** The refresh token outlived its validity ({@code "Refresh Token has expired"}). */
        REFRESH_TOKEN_EXPIRED,
        /**
         * The refresh token was revoked ({@code "Refresh Token has been revoked"}): the user signed out
         * on every device ({@code GlobalSignOut}, {@code AdminUserGlobalSignOut}) or the token was revoked
         * ({@code RevokeToken}).
         */
        REFRESH_TOKEN_REVOKED,
        /**
         * With refresh-token rotation, a refresh token that was already replaced was sent again after its
         * grace period ({@code RefreshTokenReuseException}).
         */
        REFRESH_TOKEN_REUSED,
        /** An administrator disabled the user ({@code "User is disabled."}). */
        USER_DISABLED,
        /** The user no longer exists in the pool ({@code UserNotFoundException}). */
        USER_DELETED,
        /**
         * The CDI scope that held the session ended (the HTTP session was invalidated or expired, or the
         * container shut down): the store was closed and its tokens dropped, without a call to Cognito.
         */
        SCOPE_ENDED
    }
}
