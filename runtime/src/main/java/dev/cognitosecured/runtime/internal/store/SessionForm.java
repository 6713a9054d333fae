package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.TokenState.ONE_SECOND;
import static dev.cognitosecured.runtime.internal.store.TokenState.nanos;

import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.store.TokenState.Active;
import dev.cognitosecured.runtime.internal.store.TokenState.SignedOut;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.Tokens;
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
import java.util.Map;
import java.util.Optional;

/**
 * The serialized form of a {@link TokenState}: what survives passivation and replication of the store.
 * Only the persistent part is written: the tokens, the validity they had left on the writing JVM's
 * ticker, and the wall-clock instant of the writing; or why the session ended. Nothing that belongs to
 * one JVM (a refresh in flight, a ticker reading): a {@link TokenState.Refreshing} is written as the
 * session it refreshes.
 *
 * <p><b>Expiry on the reading JVM</b>, whose ticker has another origin: the validity left is the one
 * written, capped at the tokens' own {@code lifetime − 1 s} (so never more than {@code exp - iat}),
 * minus the wall-clock time since the writing. If the reading wall clock is before the writing one,
 * how long passed cannot be told, and the tokens count as expired: the first caller refreshes them.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): a version byte; a kind byte (never signed in, ended,
 * closed, signed in); for ended, the reason's name; for signed in, the access, ID and refresh tokens
 * (length-prefixed UTF-8; refresh length -1 when none), the lifetime and the validity left in
 * nanoseconds, the username, the writing instant (epoch seconds and nanoseconds), and (from version 2) the
 * device key (-1 when none), then for any kind the devices kept ({@link KeptDevices}): their count, and for each
 * the user name, device key, group key and device password.
 */
final class SessionForm {

    /** Version 2 adds the device key after the writing instant; version 1 forms are still read. */
    private static final byte VERSION = 2;
    private static final byte VERSION_WITHOUT_DEVICE = 1;
    private static final byte NEVER_SIGNED_IN = 0;
    private static final byte ENDED = 1;
    private static final byte CLOSED = 2;
    private static final byte SIGNED_IN = 3;

    private SessionForm() {
    }

    /** {@code state} as of ticker reading {@code tickerNow} and wall-clock instant {@code now}. */
    static byte[] write(TokenState state, long tickerNow, Instant now, Map<String, DeviceCredentials> devices) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            Active session = state.sessionOrNull();
            if (session != null) {
                out.writeByte(SIGNED_IN);
                Tokens tokens = session.tokens;
                writeText(out, tokens.accessToken());
                writeText(out, tokens.idToken());
                writeText(out, tokens.refreshToken().orElse(null));
                out.writeLong(nanos(tokens.lifetime(), "lifetime"));
                out.writeLong(session.expiresAt - tickerNow);
                writeText(out, tokens.username());
                out.writeLong(now.getEpochSecond());
                out.writeInt(now.getNano());
                writeText(out, tokens.deviceKey().orElse(null));
            } else {
                SignedOut signedOut = (SignedOut) state;
                if (signedOut.isClosed()) {
                    out.writeByte(CLOSED);
                } else if (signedOut.endedBy().isPresent()) {
                    out.writeByte(ENDED);
                    writeText(out, signedOut.endedBy().get().name());
                } else {
                    out.writeByte(NEVER_SIGNED_IN);
                }
            }
            out.writeInt(devices.size());
            for (Map.Entry<String, DeviceCredentials> device : devices.entrySet()) {
                writeText(out, device.getKey());
                writeText(out, device.getValue().deviceKey());
                writeText(out, device.getValue().groupKey());
                writeText(out, device.getValue().password());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The state {@code form} holds, re-based on ticker reading {@code tickerNow} at wall-clock instant
     * {@code now}.
     *
     * @throws InvalidObjectException if {@code form} is not a session written by {@link #write}
     */
    static TokenState read(byte[] form, long tickerNow, Instant now, long prefetch, Map<String, DeviceCredentials> devices)
            throws InvalidObjectException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(form))) {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_WITHOUT_DEVICE) {
                throw new InvalidObjectException("a session store written in form " + version + ", not " + VERSION);
            }
            byte kind = in.readByte();
            TokenState state = switch (kind) {
                case NEVER_SIGNED_IN -> SignedOut.NEVER_SIGNED_IN;
                case CLOSED -> SignedOut.CLOSED;
                case ENDED -> new SignedOut(SessionEnded.Reason.valueOf(readText(in)));
                case SIGNED_IN -> readSession(in, tickerNow, now, prefetch, version == VERSION);
                default -> throw new InvalidObjectException("a session store of unknown kind " + kind);
            };
            if (version == VERSION) {
                readDevices(in, devices);
            }
            return state;
        } catch (InvalidObjectException e) {
            throw e;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            InvalidObjectException damaged = new InvalidObjectException("a session store's serialized form is damaged");
            damaged.initCause(e);
            throw damaged;
        }
    }

    private static Active readSession(DataInputStream in, long tickerNow, Instant now, long prefetch,
            boolean withDevice) throws IOException {
        String accessToken = readText(in);
        String idToken = readText(in);
        String refreshToken = readText(in);
        Duration lifetime = Duration.ofNanos(in.readLong());
        long leftThen = in.readLong();
        String username = readText(in);
        Instant writtenAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String deviceKey = withDevice ? readText(in) : null;
        Tokens issued = Tokens.of(accessToken, idToken, Optional.ofNullable(refreshToken), lifetime, username);
        Tokens tokens = deviceKey == null ? issued : issued.withDeviceKey(deviceKey);
        long validity = nanos(lifetime, "lifetime") - ONE_SECOND;
        long left = now.isBefore(writtenAt) ? 0 : Math.min(leftThen, validity) - nanosBetween(writtenAt, now);
        // Active.of adds validity to sentAt: choose sentAt so that the local expiry is tickerNow + left.
        return Active.of(tokens, tickerNow - (validity - left), prefetch);
    }

    private static void readDevices(DataInputStream in, Map<String, DeviceCredentials> devices) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new InvalidObjectException("a session store's serialized form is cut short");
        }
        for (int i = 0; i < count; i++) {
            String username = readText(in);
            devices.put(username, DeviceCredentials.of(readText(in), readText(in), readText(in)));
        }
    }

    private static long nanosBetween(Instant from, Instant to) {
        return nanos(Duration.between(from, to), "time since the session was written");
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new InvalidObjectException("a session store's serialized form is cut short");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
