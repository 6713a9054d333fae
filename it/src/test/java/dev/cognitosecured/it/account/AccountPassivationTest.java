package dev.cognitosecured.it.account;

import static dev.cognitosecured.it.account.AccountRig.PASSWORD;
import static dev.cognitosecured.it.e2e.HttpSessions.inSession;
import static dev.cognitosecured.it.e2e.HttpSessions.read;
import static dev.cognitosecured.it.e2e.HttpSessions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.ClientTicker;
import dev.cognitosecured.it.e2e.StandIns;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.testing.cognito.CodePurpose;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.PassivationCapable;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code session-scope=session} the account beans live in the HTTP session and move with it: a sign-up
 * started on one node is confirmed with the code alone on another, and nothing secret is written.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AccountPassivationTest {

    private static TodoApp node(StandIns standIns) {
        return TodoApp.with(standIns.config("session-scope", "session"), ClientTicker.following(standIns.clock()))
                .wallClock(standIns.clock())
                .containerId("todo-app")
                .boot();
    }

    @Test
    void theAccountBeansArePassivationCapable() {
        try (StandIns standIns = StandIns.start(); TodoApp app = node(standIns)) {
            BeanManager beans = app.beans();
            Map<String, Object> session = new ConcurrentHashMap<>();
            for (Class<?> type : List.of(SignUp.class, PasswordReset.class, Account.class)) {
                Bean<?> bean = beans.resolve(beans.getBeans(type, AuthFlow.Literal.of("default")));
                assertEquals(SessionScoped.class, bean.getScope(), type.getSimpleName());
                assertEquals("dev.cognitosecured.runtime.internal.cdi#" + type.getSimpleName() + "#default",
                        assertInstanceOf(PassivationCapable.class, bean).getId());
                Object instance = inSession(app.sessions(), session, () -> instanceOf(beans, bean));
                assertInstanceOf(Serializable.class, instance, type.getSimpleName());
            }
        }
    }

    @Test
    void aSignUpStartedOnOneNodeIsConfirmedWithTheCodeAloneOnAnother() throws Exception {
        try (StandIns standIns = StandIns.start()) {
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] written;
            try (TodoApp first = node(standIns)) {
                inSession(first.sessions(), session, () -> bean(first, SignUp.class).signUp("bob",
                        PASSWORD.toCharArray(), Map.of("email", "bob@example.com")));
                written = write(session);
            }
            String text = new String(written, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(PASSWORD), "no password in the written session");
            String code = standIns.cognito().outbox().last(standIns.local().pool(), "bob", CodePurpose.SIGN_UP)
                    .orElseThrow().code();

            try (TodoApp second = node(standIns)) {
                Map<String, Object> restored = read(written);
                assertTrue(inSession(second.sessions(), restored,
                        () -> bean(second, SignUp.class).confirmSignUp(code)).isDone());
                assertTrue(inSession(second.sessions(), restored,
                        () -> second.service().login("bob", PASSWORD.toCharArray())).isDone());
                assertEquals("bob@example.com", inSession(second.sessions(), restored,
                        () -> bean(second, Account.class).attributes().get("email")));
            }
        }
    }

    private static <T> T bean(TodoApp app, Class<T> type) {
        return app.beans().createInstance().select(type, AuthFlow.Literal.of("default")).get();
    }

    private static <T> T instanceOf(BeanManager beans, Bean<T> bean) {
        Context context = beans.getContext(bean.getScope());
        return context.get(bean, beans.createCreationalContext(bean));
    }
}
