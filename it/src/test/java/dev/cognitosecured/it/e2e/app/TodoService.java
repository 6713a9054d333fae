package dev.cognitosecured.it.e2e.app;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The application under test: it signs a user in through the pool's sign-in flow, answering each
 * challenge the flow reports, and calls the API as that user. With {@code session-scope=session}
 * the flow and the tokens behind the clients belong to the active HTTP session.
 */
@ApplicationScoped
public class TodoService {

    @Inject
    TodoApi todos;

    @Inject
    StatsApi stats;

    @Inject
    @AuthFlow
    SignIn signIn;

    /**
     * Signs in, answering every challenge with what {@code answers} gives for it.
     *
     * @return the last step, {@link SignInStep.Done}
     */
    public SignInStep login(String username, char[] password, Function<SignInStep, String> answers) {
        SignInStep step = signIn.start(username, password);
        while (!step.isDone()) {
            step = signIn.confirm(answers.apply(step));
        }
        return step;
    }

    /** Signs in a user whom no challenge awaits. */
    public SignInStep login(String username, char[] password) {
        return login(username, password, step -> {
            throw new IllegalStateException("no challenge was expected, got " + step.kind());
        });
    }

    public void logout() {
        signIn.signOut();
    }

    /** The sign-in flow itself, for a caller that answers the steps one at a time (as a web form per step would). */
    public SignIn signIn() {
        return signIn;
    }

    public Todo todo(String id) {
        return todos.getTodo(id);
    }

    public Todo add(String title) {
        return todos.addTodo(title);
    }

    public CompletionStage<Todo> todoLater(String id) {
        return todos.getTodoLater(id);
    }

    public CompletionStage<Todo> addLater(String title) {
        return todos.addTodoLater(title);
    }

    /** The user name the API read from the token this call carried. */
    public String whoAmI(String claimedUser) {
        return todos.whoAmI(claimedUser).username();
    }

    public Stats stats() {
        return stats.stats();
    }
}
