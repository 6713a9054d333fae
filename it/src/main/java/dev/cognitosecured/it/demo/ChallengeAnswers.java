package dev.cognitosecured.it.demo;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;

/** Where the answers to sign-in challenges come from: the demo itself, or the person at the console. */
public interface ChallengeAnswers {

    /** A new password for {@link SignInStep.NewPasswordRequired}; the caller clears it once sent. */
    char[] newPassword(SignInStep.NewPasswordRequired step);

    /** The value of a user attribute the new-password step requires, e.g. {@code name}. */
    String requiredAttribute(String name);

    /** The answer to any other step: a code, an MFA type, a custom answer. */
    String answer(SignInStep step);

    /** Cognito refused an answer to {@code step}, which may be answered again. */
    void refused(SignInStep step, WrongAnswerException refusal);
}
