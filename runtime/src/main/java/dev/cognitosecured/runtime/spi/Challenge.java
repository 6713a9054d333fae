package dev.cognitosecured.runtime.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A challenge Cognito answered a sign-in request with, and what answering it takes: Cognito's
 * {@code ChallengeName} and {@code ChallengeParameters}, the {@code USERNAME} the answer must carry,
 * and the {@code Session} it must be sent with.
 *
 * <p>The session is a secret that may be used once: {@link dev.cognitosecured.runtime.SignIn} keeps it
 * in the session store and answers with the one of the latest response, so an application never
 * handles it. {@link #toString()} never shows it.
 */
public final class Challenge {

    private final String name;
    private final Map<String, String> parameters;
    private final String username;
    private final String session;

    private Challenge(String name, Map<String, String> parameters, String username, String session) {
        this.name = requireText(name, "name");
        this.parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        this.username = requireText(username, "username");
        this.session = requireText(session, "session");
    }

    /**
     * A challenge as Cognito sent it.
     *
     * @param name the {@code ChallengeName}, e.g. {@code SMS_MFA}
     * @param parameters the {@code ChallengeParameters}
     * @param username the {@code USERNAME} to answer with: the parameter {@code USER_ID_FOR_SRP} when
     *     Cognito sends it, else the name the user signed in with
     * @param session the {@code Session} to answer with
     * @return the challenge; its {@link #toString()} shows no session
     */
    public static Challenge of(String name, Map<String, String> parameters, String username, String session) {
        return new Challenge(name, parameters, username, session);
    }

    /** {@return Cognito's {@code ChallengeName}, e.g. {@code NEW_PASSWORD_REQUIRED}} */
    public String name() {
        return name;
    }

    /** {@return Cognito's {@code ChallengeParameters}: what the user may be shown, never a secret} */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** {@return the {@code USERNAME} an answer carries (and a {@code SECRET_HASH} is computed with)} */
    public String username() {
        return username;
    }

    /** {@return the {@code Session} to answer with} A secret: never log it. */
    public String session() {
        return session;
    }

    /**
     * The same challenge, to be answered with {@code session}: what {@code AssociateSoftwareToken} and
     * {@code VerifySoftwareToken} return during {@code MFA_SETUP}.
     *
     * @param session the newer session
     * @return the same challenge with that session
     */
    public Challenge withSession(String session) {
        return new Challenge(name, parameters, username, session);
    }

    /** Names the challenge and the user, never the session. */
    @Override
    public String toString() {
        return "Challenge[name=" + name + ", username=" + username + "]";
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
