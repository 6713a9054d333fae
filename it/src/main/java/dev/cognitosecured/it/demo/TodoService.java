package dev.cognitosecured.it.demo;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.Flow;

/**
 * The example application: it signs a user in through the pool's sign-in flow, answering every
 * challenge Cognito chains, and reads and adds to-dos as that user through the generated client.
 */
@ApplicationScoped
public class TodoService {

    @Inject
    TodoApi todos;

    @Inject
    @AuthFlow
    SignIn signIn;

    /**
     * Signs in, answering each challenge with {@code answers}; the flow sends every answer with the
     * session of the step before it. An answer Cognito refuses but lets the user retry is asked again.
     *
     * @param steps told each step as it comes, {@link SignInStep.Done} last
     * @return how many challenges were answered (refused answers not counted)
     */
    public int signIn(String username, char[] password, ChallengeAnswers answers, Consumer<SignInStep> steps) {
        SignInStep step = signIn.start(username, password);
        steps.accept(step);
        int answered = 0;
        while (!step.isDone()) {
            try {
                step = answer(step, answers);
            } catch (WrongAnswerException refusal) {
                if (!refusal.canRetry()) {
                    throw refusal;
                }
                answers.refused(step, refusal);
                continue;
            }
            answered++;
            steps.accept(step);
        }
        return answered;
    }

    private SignInStep answer(SignInStep step, ChallengeAnswers answers) {
        if (step instanceof SignInStep.NewPasswordRequired newPassword) {
            Map<String, String> attributes = new LinkedHashMap<>();
            newPassword.requiredAttributes().forEach(name -> attributes.put(name, answers.requiredAttribute(name)));
            char[] password = answers.newPassword(newPassword);
            try {
                return signIn.confirmNewPassword(password, attributes);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return signIn.confirm(answers.answer(step));
    }

    /** Reads one to-do. */
    public Todo todo(String id) {
        return todos.getTodo(id);
    }

    /** Adds a to-do. */
    public Todo add(String title) {
        return todos.addTodo(title);
    }

    /** The to-dos added from now on, as they are added. */
    public Flow.Publisher<Todo> added() {
        return todos.onAddTodo();
    }

    /** Signs out: the session ends and the refresh token is revoked. */
    public void signOut() {
        signIn.signOut();
    }
}
