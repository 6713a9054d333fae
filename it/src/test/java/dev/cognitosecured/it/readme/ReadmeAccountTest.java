package dev.cognitosecured.it.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.ClientTicker;
import dev.cognitosecured.it.e2e.StandIns;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.UserPool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's account sample does what the README says, against LocalCognito. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReadmeAccountTest {

    @Test
    void registerForgetChangeEmailAndLeave() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            UserPool pool = standIns.local().pool();
            AccountService service = new AccountService();   // its injection points, filled with the pool's beans
            service.signUp = bean(app, SignUp.class);
            service.reset = bean(app, PasswordReset.class);
            service.account = bean(app, Account.class);
            List<String> shown = new java.util.ArrayList<>();

            service.register("bob", StandIns.PASSWORD.toCharArray(), "bob@example.com", where -> {
                shown.add(where);
                return standIns.cognito().outbox().last(pool, "bob", CodePurpose.SIGN_UP).orElseThrow().code();
            });
            service.forgotPassword("bob", "N3w-password-2026".toCharArray(), where -> {
                shown.add(where);
                return standIns.cognito().outbox().last(pool, "bob", CodePurpose.FORGOT_PASSWORD).orElseThrow().code();
            });
            app.service().login("bob", "N3w-password-2026".toCharArray());
            service.changeEmail("bob@example.org", where -> {
                shown.add(where);
                return standIns.cognito().outbox().last(pool, "bob", CodePurpose.ATTRIBUTE_VERIFICATION)
                        .orElseThrow().code();
            });
            assertEquals(List.of("b***@e***", "b***@e***", "b***@e***"), shown);
            assertEquals("bob@example.org", service.account.attributes().get("email"));

            service.leaveEverywhere();

            SessionStore store = app.store();
            assertFalse(store.isSignedIn());
            assertEquals(1, app.events().of(SessionEnded.class).size());
        }
    }

    private static <T> T bean(TodoApp app, Class<T> type) {
        return app.beans().createInstance().select(type, AuthFlow.Literal.of("default")).get();
    }
}
