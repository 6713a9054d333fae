package dev.cognitosecured.it.e2e;

import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.testing.cognito.Totp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The user at the keyboard during a chained sign-in, as the {@code answers} of
 * {@link TodoService#login(String, char[], Function)}: types the new password when one is required, the
 * code LocalCognito last "sent" them (by e-mail or SMS), and the current code of their authenticator app,
 * which they enrol with the key a TOTP set-up step shows. It remembers every step it was shown, in order.
 */
public final class AnsweringUser implements Function<SignInStep, String> {

    private final StandIns standIns;
    private final String username;
    private final String newPassword;
    private final List<SignInStep> shown = new CopyOnWriteArrayList<>();
    private volatile Optional<String> authenticatorKey = Optional.empty();

    private AnsweringUser(StandIns standIns, String username, String newPassword) {
        this.standIns = Objects.requireNonNull(standIns, "standIns");
        this.username = Objects.requireNonNull(username, "username");
        this.newPassword = Objects.requireNonNull(newPassword, "newPassword");
    }

    /** The user {@code username} of the stand-ins' pool, who chooses {@code newPassword} when asked for one. */
    public static AnsweringUser of(StandIns standIns, String username, String newPassword) {
        return new AnsweringUser(standIns, username, newPassword);
    }

    @Override
    public String apply(SignInStep step) {
        shown.add(step);
        return switch (step.kind()) {
            case CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED -> newPassword;
            case CONFIRM_SIGN_IN_WITH_EMAIL_CODE, CONFIRM_SIGN_IN_WITH_SMS_CODE -> deliveredCode();
            case CONTINUE_SIGN_IN_WITH_TOTP_SETUP -> enrol((SignInStep.TotpSetup) step);
            case CONFIRM_SIGN_IN_WITH_TOTP_CODE -> authenticatorCode();
            default -> throw new AssertionError(username + " has no answer to " + step.kind());
        };
    }

    /** The steps shown so far, in order. */
    public List<SignInStep> shown() {
        return List.copyOf(shown);
    }

    /** The kinds of the steps shown so far, in order. */
    public List<SignInStep.Kind> kinds() {
        return shown.stream().map(SignInStep::kind).toList();
    }

    /** Forgets the steps shown so far (the authenticator app stays enrolled). */
    public void forgetSteps() {
        shown.clear();
    }

    /** The code LocalCognito last sent to this user by e-mail or SMS. */
    public String deliveredCode() {
        return standIns.cognito().lastCode(standIns.local().pool(), username)
                .orElseThrow(() -> new AssertionError("LocalCognito sent no code to " + username));
    }

    /** Enrols the authenticator app with the key the step shows, and answers with its first code. */
    private String enrol(SignInStep.TotpSetup setUp) {
        authenticatorKey = Optional.of(setUp.sharedSecret());
        return authenticatorCode();
    }

    private String authenticatorCode() {
        String key = authenticatorKey.orElseThrow(
                () -> new AssertionError(username + " was asked for an authenticator code before enrolling one"));
        return Totp.code(key, standIns.clock().instant());
    }

    @Override
    public String toString() {
        return "AnsweringUser[" + username + ", shown=" + kinds() + "]";
    }
}
