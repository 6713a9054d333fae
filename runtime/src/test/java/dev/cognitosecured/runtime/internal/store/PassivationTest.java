package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.StoreFixture.POOL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.store.TokenState.Active;
import dev.cognitosecured.runtime.internal.store.TokenState.Refreshing;
import dev.cognitosecured.runtime.internal.store.TokenState.SignedOut;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The store's serialized form: each state through a round trip from one store (one ticker, one wall
 * clock) into a new store on another ticker, as on another JVM; the expiry re-based conservatively on
 * wall-clock time; a refresh in flight not carried; a damaged form refused.
 */
class PassivationTest {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Instant WRITTEN = Instant.parse("2026-12-06T08:00:00Z");

    private final StoreFixture there = new StoreFixture(Duration.ZERO);
    /** The reading JVM: a ticker whose origin has nothing to do with the writing one's. */
    private final FakeTicker hereTicker = new FakeTicker(987_654_321_000_000L);
    private final FakeIdentityProvider hereProvider = new FakeIdentityProvider();
    private final RecordedEvents hereEvents = new RecordedEvents();
    private final DefaultSessionStore here = new DefaultSessionStore(POOL, hereProvider, hereTicker, Duration.ZERO,
            hereEvents);

    private TokenState roundTrip(Instant readAt) throws InvalidObjectException {
        here.restore(there.store.serializedForm(WRITTEN), readAt);
        return here.state();
    }

    private long remainingHere() {
        return ((Active) here.state()).expiresAt - hereTicker.read();
    }

    @Test
    void neverSignedInStaysSo() throws InvalidObjectException {
        assertSame(SignedOut.NEVER_SIGNED_IN, roundTrip(WRITTEN));
        assertThrows(SignInRequiredException.class, () -> here.tokens(Duration.ZERO));
    }

    @Test
    void anEndedSessionKeepsItsReason() throws InvalidObjectException {
        there.signIn(TestTokens.issued(1, LIFETIME));
        there.store.end(SessionEnded.Reason.REFRESH_TOKEN_REUSED);
        SignedOut restored = assertInstanceOf(SignedOut.class, roundTrip(WRITTEN));
        assertEquals(SessionEnded.Reason.REFRESH_TOKEN_REUSED, restored.endedBy().orElseThrow());
        SignInRequiredException refused = assertThrows(SignInRequiredException.class, () -> here.tokens(Duration.ZERO));
        assertEquals(SessionEnded.Reason.REFRESH_TOKEN_REUSED, refused.reason().orElseThrow());
    }

    @Test
    void aClosedStoreStaysClosed() throws InvalidObjectException {
        there.store.close();
        assertSame(SignedOut.CLOSED, roundTrip(WRITTEN));
    }

    @Test
    void aSignedInSessionKeepsItsTokensAndTheValidityLeftLessTheWallClockTimeSince() throws InvalidObjectException {
        Tokens tokens = there.signIn(TestTokens.issued(1, LIFETIME));
        there.ticker.advance(Duration.ofMinutes(4)); // 10 min − 1 s − 4 min left when written
        Duration passed = Duration.ofSeconds(90);

        Active restored = assertInstanceOf(Active.class, roundTrip(WRITTEN.plus(passed)));

        assertEquals(Duration.ofMinutes(6).minusSeconds(1).minus(passed).toNanos(), remainingHere());
        assertEquals("access-1", restored.tokens.accessToken());
        assertEquals("id-1", restored.tokens.idToken());
        assertEquals("refresh-1", restored.tokens.refreshToken().orElseThrow());
        assertEquals(LIFETIME, restored.tokens.lifetime());
        assertEquals(TestTokens.USER, restored.tokens.username());
        assertTrue(here.isSignedIn());
        assertEquals("access-1", here.tokens(Duration.ofMinutes(1)).accessToken(), "no refresh while valid");
        assertEquals(0, hereProvider.refreshCalls());
        assertEquals(0, hereEvents.all().size(), "the session goes on: no SignedIn fired");
        assertEquals(tokens.username(), restored.tokens.username());
    }

    @Test
    void tokensThatExpiredSinceAreRefreshedBeforeUse() throws InvalidObjectException {
        there.signIn(TestTokens.issued(1, LIFETIME));
        roundTrip(WRITTEN.plus(LIFETIME));
        hereProvider.answerRefreshesWith(current -> CompletableFuture.completedFuture(TestTokens.issued(2, LIFETIME)));

        assertEquals("access-2", here.tokens(Duration.ZERO).accessToken());
        assertEquals(1, hereProvider.refreshCalls());
        assertEquals("refresh-1", hereProvider.refreshedFrom(0).refreshToken().orElseThrow());
    }

    @Test
    void aWallClockBeforeTheWritingCannotTellTheAgeSoTheTokensAreRefreshedBeforeUse() throws InvalidObjectException {
        there.signIn(TestTokens.issued(1, LIFETIME));
        roundTrip(WRITTEN.minusSeconds(1));
        assertTrue(remainingHere() <= 0, "counted as expired");
        hereProvider.answerRefreshesWith(current -> CompletableFuture.completedFuture(TestTokens.issued(2, LIFETIME)));
        assertEquals("access-2", here.tokens(Duration.ZERO).accessToken());
        assertEquals(1, hereProvider.refreshCalls());
    }

    @Test
    void theValidityLeftIsNeverMoreThanTheTokensOwnLifetime() throws InvalidObjectException {
        there.signIn(TestTokens.issued(1, LIFETIME));
        // A form claiming more than exp − iat left (written by a broken or hostile node) is capped.
        byte[] form = there.store.serializedForm(WRITTEN);
        byte[] inflated = withLeft(form, Duration.ofDays(3).toNanos());
        here.restore(inflated, WRITTEN);
        assertEquals(LIFETIME.minusSeconds(1).toNanos(), remainingHere());
    }

    @Test
    void aRefreshInFlightIsNotCarriedAndTheSessionItRefreshesIs() throws InvalidObjectException {
        there.signIn(TestTokens.issued(1, LIFETIME));
        there.ticker.advance(LIFETIME);
        there.store.tokensAsync(Duration.ZERO); // starts the refresh, left pending
        assertInstanceOf(Refreshing.class, there.store.state());

        Active restored = assertInstanceOf(Active.class, roundTrip(WRITTEN));
        assertEquals("access-1", restored.tokens.accessToken());
        assertTrue(remainingHere() <= 0);
        hereProvider.answerRefreshesWith(current -> CompletableFuture.completedFuture(TestTokens.issued(2, LIFETIME)));
        assertEquals("access-2", here.tokens(Duration.ZERO).accessToken(), "the new JVM refreshes on its own");
        assertEquals(1, hereProvider.refreshCalls());
    }

    @Test
    void aFormIsRestoredOnlyIntoAStoreThatHadNoSession() {
        there.signIn(TestTokens.issued(1, LIFETIME));
        byte[] form = there.store.serializedForm(WRITTEN);
        assertThrows(IllegalStateException.class, () -> there.store.restore(form, WRITTEN));
    }

    @Test
    void aDamagedFormIsRefusedAndTheStoreStaysSignedOut() {
        there.signIn(TestTokens.issued(1, LIFETIME));
        byte[] form = there.store.serializedForm(WRITTEN);
        assertThrows(InvalidObjectException.class, () -> here.restore(Arrays.copyOf(form, form.length / 2), WRITTEN));
        byte[] otherVersion = form.clone();
        otherVersion[0] = 9;
        assertThrows(InvalidObjectException.class, () -> here.restore(otherVersion, WRITTEN));
        assertThrows(InvalidObjectException.class, () -> here.restore(new byte[0], WRITTEN));
        assertFalse(here.isSignedIn());
        assertSame(SignedOut.NEVER_SIGNED_IN, here.state());
    }

    @Test
    void theFormHoldsTheTokensThatIsWhyItIsASecret() {
        there.signIn(TestTokens.issued(1, LIFETIME));
        String form = new String(there.store.serializedForm(WRITTEN), StandardCharsets.ISO_8859_1);
        assertTrue(form.contains("refresh-1"), "plain: a SessionCodec is what keeps it from being read");
    }

    @Test
    void aStoreMadeOutsideCdiIsNotSerializable() {
        there.signIn(TestTokens.issued(1, LIFETIME));
        NotSerializableException refused = assertThrows(NotSerializableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(there.store));
        assertFalse(refused.getMessage().contains("refresh-1"));
    }

    @Test
    void aStoreIsWrittenAsWhatItsPassivationGives() throws Exception {
        byte[][] written = new byte[1][];
        DefaultSessionStore passivating = new DefaultSessionStore(POOL, there.provider, there.ticker, Duration.ZERO,
                RefreshBackoff.standard(), there.events, store -> {
                    written[0] = store.serializedForm(WRITTEN);
                    return "proxy";
                });
        passivating.signIn(() -> CompletableFuture.completedFuture(TestTokens.issued(1, LIFETIME)));
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(passivating);
        here.restore(written[0], WRITTEN);
        assertArrayEquals(written[0], passivating.serializedForm(WRITTEN));
        assertEquals("access-1", here.tokens(Duration.ZERO).accessToken());
    }

    @Test
    void theDeviceKeyAndTheKeptDevicesComeAlong() throws InvalidObjectException {
        Tokens onDevice = TestTokens.issued(1, LIFETIME).withDeviceKey("us-east-1_device-1");
        there.signIn(onDevice);
        DeviceCredentials device = DeviceCredentials.of("us-east-1_device-1", "-group1", "device-password-1");
        there.store.devices().save("erin", device);

        byte[] form = there.store.serializedForm(WRITTEN);
        here.restore(form, WRITTEN);

        assertEquals(Optional.of("us-east-1_device-1"), here.tokens(Duration.ZERO).deviceKey());
        assertEquals(Optional.of(device), here.devices().find("erin"));
        assertFalse(here.devices().toString().contains("device-password-1"));
    }

    @Test
    void keptDevicesOutliveTheSession() throws InvalidObjectException {
        there.store.devices().save("erin", DeviceCredentials.of("us-east-1_device-1", "-group1", "device-password-1"));
        assertSame(SignedOut.NEVER_SIGNED_IN, roundTrip(WRITTEN));
        assertEquals("us-east-1_device-1", here.devices().find("erin").orElseThrow().deviceKey());
    }

    @Test
    void aFormOfTheFirstVersionIsStillRead() throws InvalidObjectException {
        there.signIn(TestTokens.issued(1, LIFETIME));
        there.store.devices().save("erin", DeviceCredentials.of("us-east-1_device-1", "-group1", "device-password-1"));
        byte[] form = there.store.serializedForm(WRITTEN);
        // Version 1: no device key after the writing instant, no devices at the end.
        int end = form.length - 4 - 4 * 4 - "erin".length() - "us-east-1_device-1".length() - "-group1".length()
                - "device-password-1".length();
        byte[] first = Arrays.copyOf(form, end - 4);
        first[0] = 1;

        here.restore(first, WRITTEN);

        assertEquals("access-1", here.tokens(Duration.ZERO).accessToken());
        assertEquals(Optional.empty(), here.tokens(Duration.ZERO).deviceKey());
        assertEquals(Optional.empty(), here.devices().find("erin"));
    }

    /** {@code form} with the validity left (the long after the three tokens and the lifetime) set to {@code nanos}. */
    private static byte[] withLeft(byte[] form, long nanos) {
        int at = 2;
        for (int text = 0; text < 3; text++) {
            at += 4 + java.nio.ByteBuffer.wrap(form, at, 4).getInt();
        }
        at += 8; // the lifetime
        byte[] changed = form.clone();
        java.nio.ByteBuffer.wrap(changed, at, 8).putLong(nanos);
        return changed;
    }
}
