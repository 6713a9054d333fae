package dev.cognitosecured.runtime;

import dev.cognitosecured.runtime.event.SessionEnded;
import java.util.Objects;
import java.util.Optional;

/**
 * No usable session: nobody has signed in yet, the user signed out, Cognito rejected the refresh
 * token (expired, revoked, reused after rotation, the user disabled or deleted), or the scope that held
 * the session ended. {@link #reason()} says which, when a session ended. Sign in again with
 * {@link SignIn#start(String, char[])}.
 */
public final class SignInRequiredException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /** Why the session ended; {@code null} if none did (nobody signed in). Serializable, unlike Optional. */
    private final SessionEnded.Reason reason;

    /**
     * Nobody is signed in, and no session ended to say why.
     *
     * @param message what the caller should do, e.g. sign in first; never a token
     */
    public SignInRequiredException(String message) {
        super(message);
        this.reason = null;
    }

    /**
     * Nobody is signed in, as {@code cause} shows.
     *
     * @param message what the caller should do; never a token
     * @param cause the failure this follows from
     */
    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
    }

    /**
     * A session that ended for {@code reason}. An {@link dev.cognitosecured.runtime.spi.IdentityProvider}
     * whose refresh is rejected completes with this, and the session store ends the session with that
     * reason.
     *
     * @param message what the caller should do, e.g. sign in again; never a token
     * @param reason why the session ended
     */
    public SignInRequiredException(String message, SessionEnded.Reason reason) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return why the session ended, as {@link SessionEnded} reported it; empty if nobody had signed in} */
    public Optional<SessionEnded.Reason> reason() {
        return Optional.ofNullable(reason);
    }
}
