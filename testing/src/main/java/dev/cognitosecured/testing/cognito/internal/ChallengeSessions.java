package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The challenge sessions: each is single-use (consumed by the answer that is accepted; a wrong code leaves it
 * answerable) and expires after the client's {@code AuthSessionValidity}. Guarded by {@link CognitoService}'s
 * lock.
 */
final class ChallengeSessions {

    static final String INVALID = "Invalid session for the user.";
    static final String USED = "Invalid session for the user, session can only be used once.";
    static final String EXPIRED = "Invalid session for the user, session is expired.";

    private final InstantSource clock;
    private final Map<String, Entry> sessions = new HashMap<>();
    private final Map<String, String> bySecretBlock = new HashMap<>();
    /** The device key each sign-in session belongs to, when the sign-in named one. */
    private final Map<String, String> deviceOfSession = new HashMap<>();
    /** The device of the sign-in the request being handled belongs to: new sessions inherit it. */
    private Optional<String> requestDevice = Optional.empty();

    ChallengeSessions(InstantSource clock) {
        this.clock = clock;
    }

    /** Opens a session for {@code challenge}, valid for the client's {@code AuthSessionValidity}. */
    ChallengeSession open(ClientState client, UserState user, Challenge challenge) {
        Instant expiresAt = clock.instant().plus(client.settings.authSessionValidity());
        ChallengeSession session = new ChallengeSession(Ids.opaque(384), client, user, challenge, expiresAt);
        IssuedSecrets.record(IssuedSecrets.Kind.SESSION, session.id());
        sessions.put(session.id(), new Entry(session));
        requestDevice.ifPresent(key -> deviceOfSession.put(session.id(), key));
        if (challenge instanceof Challenge.PasswordVerifier verifier) {
            bySecretBlock.put(verifier.secretBlock(), session.id());
        }
        return session;
    }

    /**
     * The open session {@code id}.
     *
     * @throws CognitoException {@code NotAuthorizedException} if it is unknown, used or expired
     */
    ChallengeSession current(String id) {
        Entry entry = sessions.get(id);
        if (entry == null) {
            throw CognitoException.notAuthorized(INVALID);
        }
        if (entry.used) {
            throw CognitoException.notAuthorized(USED);
        }
        if (!clock.instant().isBefore(entry.session.expiresAt())) {
            throw CognitoException.notAuthorized(EXPIRED);
        }
        requestDevice = Optional.ofNullable(deviceOfSession.get(id));
        return entry.session;
    }

    /**
     * Starts handling a request of a sign-in on {@code device} (the {@code DEVICE_KEY} of {@code InitiateAuth}, or
     * none): the sessions it opens belong to that device. {@link #current} sets it from the session answered.
     */
    void beginRequest(Optional<String> device) {
        requestDevice = device;
    }

    /** The device of the sign-in the request being handled belongs to. */
    Optional<String> requestDevice() {
        return requestDevice;
    }

    /** The id of the {@code PASSWORD_VERIFIER} session that issued {@code secretBlock}. */
    Optional<String> idOfSecretBlock(String secretBlock) {
        return Optional.ofNullable(bySecretBlock.get(secretBlock));
    }

    /** Marks {@code session} used: any later answer with it is refused. */
    void consume(ChallengeSession session) {
        sessions.get(session.id()).used = true;
    }

    private static final class Entry {
        final ChallengeSession session;
        boolean used;

        Entry(ChallengeSession session) {
            this.session = session;
        }
    }
}
