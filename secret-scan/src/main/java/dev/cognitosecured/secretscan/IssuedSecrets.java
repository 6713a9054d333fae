package dev.cognitosecured.secretscan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every secret the stand-ins of this run handed out or received, process-wide, for {@link SecretScan} to look
 * for: tokens, refresh tokens, challenge sessions, codes, passwords, client secrets, authenticator keys. A stand-in
 * calls {@link #record} as it issues or receives one; nothing here ever shows a secret.
 *
 * <p>The rule against false alarms: a secret is looked for only if it has at least {@value #MIN_LENGTH} characters
 * and is not made of digits alone. Numeric codes (six-digit SMS and authenticator codes, a fixed {@code 123456},
 * eight-digit e-mail codes) and short passwords are recorded as seen but not looked for: such strings turn up in
 * ports, counts and timestamps, and a scan that cries wolf gets switched off. Tokens, refresh tokens, sessions,
 * client secrets and the passwords of the project's tests are long and random enough to be looked for anywhere.
 */
public final class IssuedSecrets {

    /** The shortest secret looked for. */
    public static final int MIN_LENGTH = 8;

    /** What a secret is, as failure messages name it (they never show the secret). */
    public enum Kind {
        /** A JWT: access or ID token. */
        TOKEN,
        /** A refresh token. */
        REFRESH_TOKEN,
        /** A challenge session. */
        SESSION,
        /** A code sent or accepted (SMS, e-mail, authenticator app). */
        CODE,
        /** A user's password, given at creation, chosen at sign-in, or sent to sign in. */
        PASSWORD,
        /** An app client's secret. */
        CLIENT_SECRET,
        /** An authenticator app's shared key. */
        SOFTWARE_TOKEN_KEY
    }

    /** A secret found in a text: its kind and where it starts. */
    public record Found(Kind kind, int index, int length) {
    }

    private record Secret(Kind kind, String value) {
        @Override
        public String toString() {
            return "Secret[" + kind + ", " + value.length() + " chars]";
        }
    }

    /** Secrets looked for, by their last {@link #MIN_LENGTH} characters (the random end of a JWT, its signature). */
    private static final Map<String, List<Secret>> BY_TAIL = new ConcurrentHashMap<>();
    private static final AtomicLong RECORDED = new AtomicLong();
    private static final AtomicLong LOOKED_FOR = new AtomicLong();
    /** Off until a {@link SecretScan} starts, so that stand-ins used without it (or fuzzed) keep nothing. */
    private static volatile boolean recording;

    private IssuedSecrets() {
    }

    /**
     * Records {@code value}, a secret of kind {@code kind} that a stand-in issued or received; null or empty is
     * ignored, and so is everything while no {@link SecretScan} runs in this JVM.
     */
    public static void record(Kind kind, String value) {
        Objects.requireNonNull(kind, "kind");
        if (!recording || value == null || value.isEmpty()) {
            return;
        }
        RECORDED.incrementAndGet();
        if (!isLookedFor(value)) {
            return;
        }
        List<Secret> bucket = BY_TAIL.computeIfAbsent(value.substring(value.length() - MIN_LENGTH),
                tail -> new CopyOnWriteArrayList<>());
        if (bucket.stream().noneMatch(secret -> secret.value.equals(value))) {
            bucket.add(new Secret(kind, value));
            LOOKED_FOR.incrementAndGet();
        }
    }

    /** Starts recording: {@link SecretScan} calls it once, before the first test. */
    static void startRecording() {
        recording = true;
    }

    /** Whether a secret {@code value} is looked for (the rule in the class comment). */
    public static boolean isLookedFor(String value) {
        return value.length() >= MIN_LENGTH && !value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The first recorded secret in {@code text}, if any. */
    public static Optional<Found> findIn(CharSequence text) {
        if (text == null || BY_TAIL.isEmpty()) {
            return Optional.empty();
        }
        String s = text.toString();
        for (int end = MIN_LENGTH; end <= s.length(); end++) {
            List<Secret> bucket = BY_TAIL.get(s.substring(end - MIN_LENGTH, end));
            if (bucket == null) {
                continue;
            }
            for (Secret secret : bucket) {
                int start = end - secret.value.length();
                if (start >= 0 && s.startsWith(secret.value, start)) {
                    return Optional.of(new Found(secret.kind, start, secret.value.length()));
                }
            }
        }
        return Optional.empty();
    }

    /** How many secrets were recorded, looked for or not. */
    public static long recorded() {
        return RECORDED.get();
    }

    /** How many distinct secrets are looked for. */
    public static long lookedFor() {
        return LOOKED_FOR.get();
    }
}
