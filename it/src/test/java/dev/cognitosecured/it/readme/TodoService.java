package dev.cognitosecured.it.readme;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;

@ApplicationScoped
public class TodoService {

    @Inject TodoApi todos;
    @Inject @AuthFlow SignIn signIn;

    public List<Todo> open(String user, char[] password, Function<SignInStep, String> askUser) {
        SignInStep step = signIn.start(user, password);   // SRP; the password is not kept
        while (!step.isDone()) {
            // e.g. CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED, then CONFIRM_SIGN_IN_WITH_EMAIL_CODE
            step = signIn.confirm(askUser.apply(step));     // sent with the latest session
        }
        return todos.listTodos();         // Authorization: <access token>, refreshed as needed
    }
}
