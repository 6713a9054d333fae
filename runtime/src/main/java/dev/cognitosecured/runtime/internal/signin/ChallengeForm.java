package dev.cognitosecured.runtime.internal.signin;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Answering;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Waiting;
import dev.cognitosecured.runtime.spi.Challenge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The serialized form of a {@link ChallengeSlot}'s state: the challenge waiting for an answer, with its
 * session, the step the user was shown, how old it was on the writing JVM's ticker and the wall-clock
 * instant of the writing; or nothing. A claim in flight belongs to its thread and is not carried: an
 * {@link Answering} state is written as what a failure of its request in flight would leave
 * ({@link ChallengeState}): the challenge it answers while nothing newer was obtained (NOTHING_SENT,
 * SENT), the new challenge once shown (SHOWN), else nothing (SWAPPED: its session is spent; SIGNED_IN: the
 * store has the tokens).
 *
 * <p><b>Age on the reading JVM</b>: the age written plus the wall-clock time since; if the reading wall
 * clock is before the writing one, the challenge counts as expired (the user starts the sign-in again
 * rather than send a session Cognito may refuse).
 */
final class ChallengeForm {

    private static final byte VERSION = 1;
    private static final byte IDLE = 0;
    private static final byte WAITING = 1;

    private ChallengeForm() {
    }

    static byte[] write(ChallengeState state, long tickerNow, Instant now) {
        Waiting waiting = persistent(state);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            if (waiting == null || waiting.step() == null) {
                out.writeByte(IDLE);
            } else {
                out.writeByte(WAITING);
                Challenge challenge = waiting.challenge();
                writeText(out, challenge.name());
                writeMap(out, challenge.parameters());
                writeText(out, challenge.username());
                writeText(out, challenge.session());
                writeStep(out, waiting.step());
                out.writeLong(tickerNow - waiting.sentAt());
                out.writeLong(now.getEpochSecond());
                out.writeInt(now.getNano());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The state {@code form} holds, re-based on ticker reading {@code tickerNow} at wall-clock instant
     * {@code now}; a challenge whose age cannot be told is made as old as {@code validity}.
     */
    static ChallengeState read(byte[] form, long tickerNow, Instant now, long validity) throws InvalidObjectException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(form))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new InvalidObjectException("a sign-in challenge written in form " + version + ", not " + VERSION);
            }
            byte kind = in.readByte();
            if (kind == IDLE) {
                return ChallengeState.IDLE;
            }
            if (kind != WAITING) {
                throw new InvalidObjectException("a sign-in challenge of unknown kind " + kind);
            }
            String name = readText(in);
            Map<String, String> parameters = readMap(in);
            String username = readText(in);
            String session = readText(in);
            SignInStep step = readStep(in);
            long ageThen = in.readLong();
            Instant writtenAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            long age = now.isBefore(writtenAt) ? validity
                    : saturatedAdd(Math.max(0, ageThen), Duration.between(writtenAt, now));
            return new Waiting(Challenge.of(name, parameters, username, session), step, tickerNow - Math.min(age, validity));
        } catch (InvalidObjectException e) {
            throw e;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            InvalidObjectException damaged = new InvalidObjectException("a sign-in challenge's serialized form is damaged");
            damaged.initCause(e);
            throw damaged;
        }
    }

    private static Waiting persistent(ChallengeState state) {
        if (state instanceof Waiting waiting) {
            return waiting;
        }
        if (state instanceof Answering answering) {
            return switch (answering.progress()) {
                case NOTHING_SENT, SENT -> answering.answered();
                case SHOWN -> answering.latest();
                case SWAPPED, SIGNED_IN -> null;
            };
        }
        return null;
    }

    private static long saturatedAdd(long nanos, Duration more) {
        long added = more.getSeconds() < Long.MAX_VALUE / 4_000_000_000L ? more.toNanos() : Long.MAX_VALUE / 4;
        return nanos > Long.MAX_VALUE / 2 ? nanos : nanos + added;
    }

    private static void writeStep(DataOutputStream out, SignInStep step) throws IOException {
        writeText(out, step.kind().name());
        if (step instanceof SignInStep.NewPasswordRequired required) {
            writeList(out, required.requiredAttributes());
        } else if (step instanceof SignInStep.SmsCode sms) {
            writeText(out, sms.destination());
        } else if (step instanceof SignInStep.EmailCode email) {
            writeText(out, email.destination());
        } else if (step instanceof SignInStep.MfaSelection selection) {
            writeList(out, List.copyOf(selection.allowed()));
        } else if (step instanceof SignInStep.TotpSetup setup) {
            writeText(out, setup.sharedSecret());
            writeText(out, setup.setupUri());
        } else if (step instanceof SignInStep.CustomChallenge custom) {
            writeMap(out, custom.parameters());
        } else if (step instanceof SignInStep.FirstFactorSelection selection) {
            writeList(out, selection.available().stream().map(Enum::name).sorted().toList());
        } else if (step instanceof SignInStep.WebAuthnCredential webAuthn) {
            writeText(out, webAuthn.requestOptions());
        }
    }

    private static SignInStep readStep(DataInputStream in) throws IOException {
        return switch (SignInStep.Kind.valueOf(readText(in))) {
            case CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED -> new SignInStep.NewPasswordRequired(readList(in));
            case CONFIRM_SIGN_IN_WITH_SMS_CODE -> new SignInStep.SmsCode(readText(in));
            case CONFIRM_SIGN_IN_WITH_EMAIL_CODE -> new SignInStep.EmailCode(readText(in));
            case CONTINUE_SIGN_IN_WITH_MFA_SELECTION -> new SignInStep.MfaSelection(Set.copyOf(readList(in)));
            case CONTINUE_SIGN_IN_WITH_TOTP_SETUP -> new SignInStep.TotpSetup(readText(in), readText(in));
            case CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE -> new SignInStep.CustomChallenge(readMap(in));
            case CONFIRM_SIGN_IN_WITH_TOTP_CODE -> new SignInStep.TotpCode();
            case CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION -> new SignInStep.FirstFactorSelection(
                    readList(in).stream().map(FirstFactor::valueOf).collect(Collectors.toSet()));
            case CONFIRM_SIGN_IN_WITH_WEB_AUTHN -> new SignInStep.WebAuthnCredential(readText(in));
            case DONE -> new SignInStep.Done();
        };
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeText(out, value);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int size = count(in);
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readText(in));
        }
        return values;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            writeText(out, entry.getKey());
            writeText(out, entry.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int size = count(in);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(readText(in), readText(in));
        }
        return map;
    }

    private static int count(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new InvalidObjectException("a sign-in challenge's serialized form is cut short");
        }
        return size;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = count(in);
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
