package dev.cognitosecured.it.demo;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers typed by the person at the console (with {@code --interactive}, or against AWS). With the
 * stand-ins, the code LocalCognito "sent" is shown first, as the e-mail would show it.
 */
public final class TypedAnswers implements ChallengeAnswers {

    private final ConsoleInput input;
    private final PrintStream out;
    private final Supplier<Optional<String>> sentCode;

    /**
     * @param sentCode the code the stand-in sent, to show; empty against AWS (the code is in the user's
     *     mailbox or phone)
     */
    public TypedAnswers(ConsoleInput input, PrintStream out, Supplier<Optional<String>> sentCode) {
        this.input = Objects.requireNonNull(input, "input");
        this.out = Objects.requireNonNull(out, "out");
        this.sentCode = Objects.requireNonNull(sentCode, "sentCode");
    }

    @Override
    public char[] newPassword(SignInStep.NewPasswordRequired step) {
        for (;;) {
            char[] password = input.secret("New password: ");
            char[] again = input.secret("New password again: ");
            if (Arrays.equals(password, again)) {
                Arrays.fill(again, '\0');
                return password;
            }
            Arrays.fill(password, '\0');
            Arrays.fill(again, '\0');
            out.println("The two passwords differ; type them again.");
        }
    }

    @Override
    public String requiredAttribute(String name) {
        return input.line("Value of the required attribute " + name + ": ");
    }

    @Override
    public String answer(SignInStep step) {
        if (step instanceof SignInStep.EmailCode email) {
            sentCode.get().ifPresent(code -> out.println("LocalCognito sent code " + code + " to " + email.destination()));
            return input.line("Code from the e-mail to " + email.destination() + ": ");
        }
        if (step instanceof SignInStep.SmsCode sms) {
            sentCode.get().ifPresent(code -> out.println("LocalCognito sent code " + code + " to " + sms.destination()));
            return input.line("Code from the SMS to " + sms.destination() + ": ");
        }
        if (step instanceof SignInStep.TotpCode) {
            return input.line("Code from your authenticator app: ");
        }
        if (step instanceof SignInStep.MfaSelection selection) {
            return input.line("Second factor to use " + selection.allowed() + ": ");
        }
        if (step instanceof SignInStep.TotpSetup setUp) {
            out.println("Add this account to your authenticator app: " + setUp.setupUri());
            return input.line("First code from your authenticator app: ");
        }
        if (step instanceof SignInStep.CustomChallenge custom) {
            return input.line("Answer to the custom challenge " + custom.parameters() + ": ");
        }
        throw new IllegalStateException("no answer to give to " + step.kind());
    }

    @Override
    public void refused(SignInStep step, WrongAnswerException refusal) {
        out.println("Refused: " + refusal.getMessage());
    }
}
