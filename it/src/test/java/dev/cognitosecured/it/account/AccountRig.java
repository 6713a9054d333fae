package dev.cognitosecured.it.account;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.ClientTicker;
import dev.cognitosecured.it.e2e.StandIns;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.testing.cognito.AccountSettings;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.SentCode;

/**
 * LocalCognito (a pool that verifies e-mail addresses and phone numbers by code, and keeps a new phone number
 * until it is verified) and the application booted in Weld SE against it, with the pool's account beans.
 */
final class AccountRig implements AutoCloseable {

    static final String PASSWORD = StandIns.PASSWORD;

    final StandIns standIns;
    final TodoApp app;

    AccountRig(String... config) {
        standIns = StandIns.builder()
                .pool(PoolSettings.defaults().withAccount(AccountSettings.defaults()
                        .withAutoVerified("email", "phone_number").withVerifyBeforeUpdate("phone_number")))
                .start();
        app = TodoApp.boot(standIns.config(config), ClientTicker.following(standIns.clock()));
    }

    SignUp signUp() {
        return bean(SignUp.class);
    }

    PasswordReset passwordReset() {
        return bean(PasswordReset.class);
    }

    Account account() {
        return bean(Account.class);
    }

    private <T> T bean(Class<T> type) {
        return app.beans().createInstance().select(type, AuthFlow.Literal.of("default")).get();
    }

    /** A confirmed user with a verified e-mail address, signed in. */
    void signedIn(String username) {
        standIns.user(NewUser.withPassword(username, PASSWORD)
                .attribute("email", username + "@example.com").attribute("email_verified", "true"));
        app.service().login(username, PASSWORD.toCharArray());
    }

    /** The last code sent to {@code username} for {@code purpose}, as the user reads it. */
    String code(String username, CodePurpose purpose) {
        return lastSent(username, purpose).code();
    }

    SentCode lastSent(String username, CodePurpose purpose) {
        return standIns.cognito().outbox().last(standIns.local().pool(), username, purpose).orElseThrow();
    }

    /** A code that is not {@code code}. */
    static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Override
    public void close() {
        app.close();
        standIns.close();
    }
}
