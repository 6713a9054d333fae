package dev.cognitosecured.it.demo;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The demo answering for its user against the stand-ins: it chooses a new password (never printed)
 * and types in the code LocalCognito "sent" by e-mail, after showing it.
 */
public final class AutomaticAnswers implements ChallengeAnswers {

    /** The new password the demo chooses (never printed). */
    static final String NEW_PASSWORD = "N3w-Demo-Passw0rd!";

    private final DemoStandIns standIns;
    private final PrintStream out;

    public AutomaticAnswers(DemoStandIns standIns, PrintStream out) {
        this.standIns = Objects.requireNonNull(standIns, "standIns");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public char[] newPassword(SignInStep.NewPasswordRequired step) {
        out.println("  typing in a new password (not shown)");
        return NEW_PASSWORD.toCharArray();
    }

    @Override
    public String requiredAttribute(String name) {
        throw new IllegalStateException("the demo pool requires no attribute, but Cognito asked for " + name);
    }

    @Override
    public String answer(SignInStep step) {
        if (!(step instanceof SignInStep.EmailCode email)) {
            throw new IllegalStateException("the demo pool sends codes by e-mail, but Cognito asked for " + step.kind());
        }
        String code = standIns.lastCode().orElseThrow(
                () -> new IllegalStateException("LocalCognito sent no code to " + DemoStandIns.USERNAME));
        out.println("LocalCognito sent code " + code + " to " + email.destination());
        out.println("  typing in the code");
        return code;
    }

    @Override
    public void refused(SignInStep step, WrongAnswerException refusal) {
        throw refusal;
    }
}
