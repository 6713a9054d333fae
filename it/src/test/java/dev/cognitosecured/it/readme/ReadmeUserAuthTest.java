package dev.cognitosecured.it.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.ClientTicker;
import dev.cognitosecured.it.e2e.StandIns;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.runtime.Passkeys;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.TestAuthenticator;
import dev.cognitosecured.testing.cognito.UserPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's choice-based sign-in sample does what the README says, against LocalCognito. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReadmeUserAuthTest {

    @Test
    void emailCodeChoicePasskeyAndSignUpThenSignIn() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            UserPool pool = standIns.local().pool();
            standIns.cognito().setSignInPolicy(pool, "localhost", AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP,
                    AuthFactor.WEB_AUTHN);
            standIns.user(NewUser.withPassword("erin", StandIns.PASSWORD).attribute("email", "erin@example.com"));
            PasswordlessService service = new PasswordlessService();   // its injection points, filled with the beans
            service.signIn = bean(app, SignIn.class);
            service.signUp = bean(app, SignUp.class);
            service.passkeys = bean(app, Passkeys.class);
            List<String> shown = new ArrayList<>();

            assertTrue(service.withEmailCode("erin", where -> {
                shown.add(where);
                return standIns.cognito().lastCode(pool, "erin").orElseThrow();
            }).isDone());
            TestAuthenticator browser = TestAuthenticator.create("https://localhost");
            service.addPasskey(browser::register);
            service.signIn.signOut();

            assertTrue(service.letTheUserChoose("erin", offered -> {
                shown.add(offered);
                return "PASSWORD";
            }, StandIns.PASSWORD.toCharArray()).isDone());
            service.signIn.signOut();
            assertTrue(service.withPasskey("erin", browser::authenticate).isDone());
            service.signIn.signOut();

            assertTrue(service.signUpThenSignIn("bob", StandIns.PASSWORD.toCharArray(), "bob@example.com", where -> {
                shown.add(where);
                return standIns.cognito().outbox().last(pool, "bob", CodePurpose.SIGN_UP).orElseThrow().code();
            }).isDone());
            assertTrue(app.store().isSignedIn());
            assertEquals("e***@e***", shown.get(0));
            assertTrue(shown.get(1).contains("WEB_AUTHN") && shown.get(1).contains("EMAIL_OTP"), shown.get(1));
            assertEquals("b***@e***", shown.get(2));
        }
    }

    private static <T> T bean(TodoApp app, Class<T> type) {
        return app.beans().createInstance().select(type, AuthFlow.Literal.of("default")).get();
    }
}
