package dev.cognitosecured.it.e2e;

import static dev.cognitosecured.it.e2e.HttpSessions.inSession;
import static dev.cognitosecured.it.e2e.HttpSessions.read;
import static dev.cognitosecured.it.e2e.HttpSessions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.spi.SessionCodec;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.PassivationCapable;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13 §1: with {@code session-scope=session}, an HTTP session's beans (the pool's session store and
 * sign-in flow) are serialized as a server writes them when it passivates the session (a restart with
 * session persistence) or replicates it (a cluster), and read into another Weld container with another
 * {@link dev.cognitosecured.runtime.spi.Ticker}, as on another node. There the user goes on: no new
 * sign-in, no expired token sent, one refresh when the tokens are due; a sign-in halfway through a chain
 * of challenges is finished there; a node left with a refresh token rotated out elsewhere ends the
 * session cleanly, or refreshes within Cognito's grace period.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PassivatedSessionTest {

    /** The id a server gives the application on every node and after a restart. */
    private static final String APPLICATION = "todo-app";

    /** Boots one node of the application: its own ticker, whose origin has nothing to do with another node's. */
    private static TodoApp node(StandIns standIns, Map<String, String> config, Duration tickerOrigin) {
        return TodoApp.with(config, ClientTicker.offsetFrom(standIns.clock(), tickerOrigin))
                .wallClock(standIns.clock())
                .containerId(APPLICATION)
                .boot();
    }

    private static Map<String, String> sessionScoped(StandIns standIns, String... more) {
        String[] all = new String[more.length + 2];
        all[0] = "session-scope";
        all[1] = "session";
        System.arraycopy(more, 0, all, 2, more.length);
        return standIns.config(all);
    }

    @Test
    void aSignedInSessionGoesOnInAnotherContainerWithoutSignInAndRefreshesOnceWhenDue() throws Exception {
        try (StandIns standIns = StandIns.start()) {
            standIns.user("alice");
            Map<String, String> config = sessionScoped(standIns);
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] written;
            try (TodoApp first = node(standIns, config, Duration.ZERO)) {
                TodoService todos = first.service();
                inSession(first.sessions(), session, () -> todos.login("alice", StandIns.PASSWORD.toCharArray()));
                assertEquals("alice", inSession(first.sessions(), session, () -> todos.todo("1").owner()));
                written = write(session);
            }
            standIns.clock().advance(standIns.timing().lifetime().dividedBy(2));

            try (TodoApp second = node(standIns, config, Duration.ofDays(-4_000))) {
                TodoService todos = second.service();
                Map<String, Object> restored = read(written);
                assertEquals("alice", inSession(second.sessions(), restored, () -> todos.whoAmI("alice")));
                assertTrue(inSession(second.sessions(), restored, () -> todos.signIn().isSignedIn()));
                assertEquals(0, standIns.refreshes(), "half a lifetime left: no refresh yet");

                standIns.clock().advance(standIns.timing().lifetime());
                for (int call = 0; call < 3; call++) {
                    assertEquals("alice", inSession(second.sessions(), restored, () -> todos.todo("2").owner()));
                }

                ServerLog server = ServerLog.of(standIns.graphQL());
                Measured.report("passivated session", "sign_ins", standIns.passwordSignIns(), "refreshes",
                        standIns.refreshes(), "server_401", server.unauthorized(), "form_bytes", written.length);
                assertEquals(1, standIns.passwordSignIns(), "signed in once, on the first node");
                assertEquals(0, second.events().count(SignedIn.class), "the session went on: nobody signed in there");
                assertEquals(1, standIns.refreshes(), "one refresh once the tokens were due");
                assertEquals(0, server.unauthorized(), "no call carried an expired token: " + server);
                assertEquals(5, server.executed());
                assertEquals(2, server.distinctTokens());
            }
        }
    }

    @Test
    void aSignInHalfwayThroughItsChallengesIsFinishedInAnotherContainer() throws Exception {
        PoolSettings emailCodes = PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP);
        try (StandIns standIns = StandIns.builder().pool(emailCodes).start()) {
            standIns.user(NewUser.withTemporaryPassword("bob", "Temp-0rary-pass").attribute("email", "bob@example.com"));
            AnsweringUser bob = AnsweringUser.of(standIns, "bob", "N3w-password-chosen!");
            Map<String, String> config = sessionScoped(standIns);
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] written;
            try (TodoApp first = node(standIns, config, Duration.ZERO)) {
                TodoService todos = first.service();
                SignInStep step = inSession(first.sessions(), session,
                        () -> todos.signIn().start("bob", "Temp-0rary-pass".toCharArray()));
                SignInStep next = inSession(first.sessions(), session,
                        () -> todos.signIn().confirmNewPassword(bob.apply(step).toCharArray(), Map.of()));
                assertEquals(new SignInStep.EmailCode("b***@e***"), next);
                written = write(session);
            }
            String form = new String(written, StandardCharsets.ISO_8859_1);
            assertFalse(form.contains("Temp-0rary-pass") || form.contains("N3w-password-chosen!"), "no password is kept");
            standIns.clock().advance(Duration.ofMinutes(1));

            try (TodoApp second = node(standIns, config, Duration.ofDays(17))) {
                TodoService todos = second.service();
                Map<String, Object> restored = read(written);
                SignInStep shown = inSession(second.sessions(), restored, () -> todos.signIn().current());
                assertEquals(new SignInStep.EmailCode("b***@e***"), shown, "the step waiting for an answer went along");
                assertTrue(inSession(second.sessions(), restored, () -> todos.signIn().confirm(bob.apply(shown))).isDone());
                assertEquals("bob", inSession(second.sessions(), restored, () -> todos.todo("1").owner()));

                CognitoTraffic traffic = CognitoTraffic.of(standIns.cognito());
                assertEquals(Map.of("NEW_PASSWORD_REQUIRED", 1L, "EMAIL_OTP", 1L), traffic.answers(),
                        "each answer reached Cognito once, the second with the session the first returned: " + traffic);
                assertEquals(1, second.events().count(SignedIn.class));
                assertEquals(0, ServerLog.of(standIns.graphQL()).unauthorized());
            }
        }
    }

    @Test
    void aChallengeOlderThanItsValidityOnTheOtherNodeIsRefusedWithoutARequest() throws Exception {
        PoolSettings emailCodes = PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP);
        try (StandIns standIns = StandIns.builder().pool(emailCodes).start()) {
            standIns.user(NewUser.withTemporaryPassword("bob", "Temp-0rary-pass").attribute("email", "bob@example.com"));
            Map<String, String> config = sessionScoped(standIns);
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] written;
            try (TodoApp first = node(standIns, config, Duration.ZERO)) {
                TodoService todos = first.service();
                inSession(first.sessions(), session, () -> todos.signIn().start("bob", "Temp-0rary-pass".toCharArray()));
                written = write(session);
            }
            standIns.clock().advance(Duration.ofMinutes(3)); // the default challenge validity
            try (TodoApp second = node(standIns, config, Duration.ofDays(17))) {
                TodoService todos = second.service();
                Map<String, Object> restored = read(written);
                long answersBefore = standIns.cognito().requestCount(Action.RESPOND_TO_AUTH_CHALLENGE);
                assertThrows(dev.cognitosecured.runtime.ChallengeExpiredException.class, () -> inSession(second.sessions(),
                        restored, () -> todos.signIn().confirmNewPassword("N3w-password-chosen!".toCharArray(), Map.of())));
                assertEquals(answersBefore, standIns.cognito().requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
            }
        }
    }

    @Test
    void afterARotationTheUpdatedSessionRefreshesOnTheOtherNodeAndAStaleCopyEndsCleanly() throws Exception {
        StandIns.Builder rotating = StandIns.builder().client(ClientSettings.defaults().withRefreshTokenRotation(Duration.ZERO));
        try (StandIns standIns = rotating.start()) {
            standIns.user("alice");
            Map<String, String> config = sessionScoped(standIns, "refresh", "GET_TOKENS_FROM_REFRESH_TOKEN");
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] beforeRotation;
            byte[] afterRotation;
            try (TodoApp first = node(standIns, config, Duration.ZERO)) {
                TodoService todos = first.service();
                inSession(first.sessions(), session, () -> todos.login("alice", StandIns.PASSWORD.toCharArray()));
                beforeRotation = write(session); // a replica the other node keeps if no change reaches it
                standIns.clock().advance(standIns.timing().lifetime());
                assertEquals("alice", inSession(first.sessions(), session, () -> todos.todo("1").owner()));
                assertEquals(1, standIns.refreshes(), "rotated once on the first node");
                afterRotation = write(session); // the session as the container writes it after the request
            }
            standIns.clock().advance(standIns.timing().lifetime());

            try (TodoApp second = node(standIns, config, Duration.ofDays(3))) {
                TodoService todos = second.service();
                Map<String, Object> updated = read(afterRotation);
                assertEquals("alice", inSession(second.sessions(), updated, () -> todos.todo("2").owner()));
                assertEquals(2, standIns.refreshes(), "the rotated refresh token went along and worked");
                assertEquals(0, standIns.passwordSignIns() - 1);

                Map<String, Object> stale = read(beforeRotation);
                SignInRequiredException ended = assertThrows(SignInRequiredException.class,
                        () -> inSession(second.sessions(), stale, () -> todos.todo("3")));
                assertEquals(SessionEnded.Reason.REFRESH_TOKEN_REUSED, ended.reason().orElseThrow());
                assertEquals(3, standIns.refreshes(), "one attempt with the rotated-out token, then no loop");
                assertThrows(SignInRequiredException.class, () -> inSession(second.sessions(), stale, () -> todos.todo("3")));
                assertEquals(3, standIns.refreshes());
                assertEquals(0, ServerLog.of(standIns.graphQL()).unauthorized());
            }
        }
    }

    @Test
    void aStaleCopyRefreshesWithinTheGracePeriod() throws Exception {
        StandIns.Builder rotating = StandIns.builder()
                .client(ClientSettings.defaults().withRefreshTokenRotation(Duration.ofSeconds(60)));
        try (StandIns standIns = rotating.start()) {
            standIns.user("alice");
            Map<String, String> config = sessionScoped(standIns, "refresh", "GET_TOKENS_FROM_REFRESH_TOKEN");
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] beforeRotation;
            try (TodoApp first = node(standIns, config, Duration.ZERO)) {
                TodoService todos = first.service();
                inSession(first.sessions(), session, () -> todos.login("alice", StandIns.PASSWORD.toCharArray()));
                beforeRotation = write(session);
                standIns.clock().advance(standIns.timing().lifetime());
                assertEquals("alice", inSession(first.sessions(), session, () -> todos.todo("1").owner()));
            }
            standIns.clock().advance(Duration.ofSeconds(30)); // within the 60 s grace period of the rotated token

            try (TodoApp second = node(standIns, config, Duration.ofDays(3))) {
                TodoService todos = second.service();
                Map<String, Object> stale = read(beforeRotation);
                assertEquals("alice", inSession(second.sessions(), stale, () -> todos.todo("2").owner()));
                assertEquals(2, standIns.refreshes());
                assertEquals(1, standIns.passwordSignIns());
                assertEquals(0, ServerLog.of(standIns.graphQL()).unauthorized());
            }
        }
    }

    @Test
    void whatTheLibraryPutsInTheSessionIsPassivationCapable() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = node(standIns, sessionScoped(standIns), Duration.ZERO)) {
            BeanManager beans = app.beans();
            Map<String, Object> session = new ConcurrentHashMap<>();
            for (Class<?> type : List.of(SessionStore.class, SignIn.class)) {
                Bean<?> bean = beans.resolve(beans.getBeans(type, AuthFlow.Literal.of("default")));
                assertEquals(SessionScoped.class, bean.getScope(), type.getSimpleName());
                assertTrue(beans.isPassivatingScope(bean.getScope()));
                PassivationCapable capable = assertInstanceOf(PassivationCapable.class, bean, type.getSimpleName());
                assertEquals("dev.cognitosecured.runtime.internal.cdi#" + type.getSimpleName() + "#default", capable.getId(),
                        "the same id on every node and after a restart");
                Object instance = inSession(app.sessions(), session, () -> instanceOf(beans, bean));
                assertInstanceOf(Serializable.class, instance, type.getSimpleName());
            }
        }
    }

    @Test
    void aSessionCodecEncryptsTheFormAndANodeWithAnotherKeyRestoresTheSessionSignedOut() throws Exception {
        try (StandIns standIns = StandIns.start()) {
            standIns.user("alice");
            Map<String, String> config = sessionScoped(standIns);
            SecretKey key = AesGcmCodec.newKey();
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] written;
            try (TodoApp first = TodoApp.with(config, ClientTicker.following(standIns.clock())).wallClock(standIns.clock())
                    .part(SessionCodec.class, new AesGcmCodec(key)).containerId(APPLICATION).boot()) {
                TodoService todos = first.service();
                inSession(first.sessions(), session, () -> todos.login("alice", StandIns.PASSWORD.toCharArray()));
                assertEquals("alice", inSession(first.sessions(), session, () -> todos.whoAmI("alice")));
                written = write(session);
            }
            String form = new String(written, StandardCharsets.ISO_8859_1);
            assertFalse(form.contains("eyJ"), "no JWT (they start with eyJ) in the serialized session");

            try (TodoApp sameKey = TodoApp.with(config, ClientTicker.offsetFrom(standIns.clock(), Duration.ofDays(1)))
                    .wallClock(standIns.clock()).part(SessionCodec.class, new AesGcmCodec(key)).containerId(APPLICATION).boot()) {
                Map<String, Object> restored = read(written);
                assertEquals("alice", inSession(sameKey.sessions(), restored, () -> sameKey.service().whoAmI("alice")));
            }
            try (TodoApp otherKey = TodoApp.with(config, ClientTicker.offsetFrom(standIns.clock(), Duration.ofDays(2)))
                    .wallClock(standIns.clock()).part(SessionCodec.class, new AesGcmCodec(AesGcmCodec.newKey()))
                    .containerId(APPLICATION).boot()) {
                Map<String, Object> restored = read(written);
                TodoService todos = otherKey.service();
                assertFalse(inSession(otherKey.sessions(), restored, () -> todos.signIn().isSignedIn()));
                assertThrows(SignInRequiredException.class, () -> inSession(otherKey.sessions(), restored,
                        () -> todos.whoAmI("alice")));
            }
            assertEquals(1, standIns.passwordSignIns());
            assertEquals(0, standIns.refreshes());
        }
    }

    private static <T> T instanceOf(BeanManager beans, Bean<T> bean) {
        return beans.getContext(bean.getScope()).get(bean, beans.createCreationalContext(bean));
    }

    /** AES-GCM with a key every node shares: what an application's codec may look like. */
    private static final class AesGcmCodec implements SessionCodec {
        private static final SecureRandom RANDOM = new SecureRandom();
        private final SecretKey key;

        AesGcmCodec(SecretKey key) {
            this.key = key;
        }

        static SecretKey newKey() throws GeneralSecurityException {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        }

        @Override
        public byte[] encode(byte[] plain) {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                byte[] sealed = cipher.doFinal(plain);
                byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
                System.arraycopy(sealed, 0, out, iv.length, sealed.length);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption failed", e);
            }
        }

        @Override
        public byte[] decode(byte[] encoded) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, encoded, 0, 12));
                return cipher.doFinal(encoded, 12, encoded.length - 12);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("not sealed with this key", e);
            }
        }
    }
}
